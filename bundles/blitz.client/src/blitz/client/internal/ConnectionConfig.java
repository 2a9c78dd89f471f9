// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the connection to a logging runtime (PID {@code blitz.client.connection}). */
@ObjectClassDefinition(id = "blitz.client.connection", name = "Blitz runtime connection",
        description = "How the workbench talks to a logging runtime")
public @interface ConnectionConfig {

    @AttributeDefinition(name = "Request timeout (ms)", description = "Time to wait for one reply (the original used 3000)", min = "100")
    int timeoutMs() default 3000;

    @AttributeDefinition(name = "Retries", description = "Attempts per request before the runtime counts as lost (the original used 3)", min = "1")
    int retries() default 3;

    @AttributeDefinition(name = "Live update period (ms)", description = "How often live values are polled while logging (the original used 1000; 100 gives 10 Hz)", min = "20")
    int updatePeriodMs() default 1000;

    @AttributeDefinition(name = "Live fetch period (ms)", description = "How often every new line is fetched while logging, from a runtime that offers it (LIVE); each fetch brings all lines since the last one", min = "10")
    int livePeriodMs() default 50;

    @AttributeDefinition(name = "Longest reconnect back-off (ms)", description = "Upper bound of the wait between reconnect probes", min = "200")
    int maxBackoffMs() default 10000;

    @AttributeDefinition(name = "Large download frames", description = "Download in frames of several MB when the"
            + " runtime offers them (DOWNLOAD-FRAMES); off: the original's 100-message ACK loop (for comparison)")
    boolean downloadFrames() default true;
}
