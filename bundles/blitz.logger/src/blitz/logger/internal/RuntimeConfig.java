// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the logging runtime (PID {@value WhiteboardLoggingRuntime#PID}). */
@ObjectClassDefinition(id = WhiteboardLoggingRuntime.PID, name = "Blitz logging runtime",
        description = "Sessions, live cache, gap ledger and the pre-flight check")
public @interface RuntimeConfig {
    /** Folder of the gap ledger; empty for {@code ${blitz.data}/logger}, or {@code ${user.home}/.blitz/logger}. */
    @AttributeDefinition(name = "Gap ledger folder", required = false,
            description = "Where each session's gap ledger is kept; empty means ${blitz.data}/logger")
    String dataFolder() default "";

    @AttributeDefinition(name = "Baud rate", min = "1", description = "Baud rate of serial sources, for the pre-flight check")
    int baudRate() default 57600;

    @AttributeDefinition(name = "Baud rate per source", required = false,
            description = "sourceId=baud, ... (0 marks a source that is not a serial line)")
    String sourceBaudRates() default "";

    @AttributeDefinition(name = "Polling period (ms)", min = "1",
            description = "TRANSMIT polling period of the sources, for the pre-flight check")
    int pollingPeriodMs() default 1000;

    /** Messages a board buffers between polls (the firmware example's 180). */
    @AttributeDefinition(name = "Board buffer (messages)", min = "1", description = "Messages a board buffers between polls")
    int boardBufferMessages() default 180;

    @AttributeDefinition(name = "Line length", min = "1",
            description = "Characters of one message on the wire, terminator included")
    int lineLength() default 30;

    @AttributeDefinition(name = "Default board rate (messages/s)", min = "0",
            description = "Planned rate of a board not listed in the board rates")
    double defaultBoardRate() default 1.0;

    @AttributeDefinition(name = "Board rates", required = false,
            description = "Planned rates, hex board id=messages per second, e.g. 08=10, 0a=2")
    String boardRates() default "";

    @AttributeDefinition(name = "Notifications kept", min = "1", description = "Notifications kept for clients")
    int notificationCapacity() default 1000;

    @AttributeDefinition(name = "Losses kept outside sessions", min = "1",
            description = "Losses kept in memory when they happen outside a session")
    int gapsOutsideSessions() default 1000;

    @AttributeDefinition(name = "Silence limit (s)", min = "1",
            description = "A board or a session that sends or stores nothing for longer than this during a session"
                    + " raises a warning (a few polling periods)")
    int silenceLimitSeconds() default 5;

    @AttributeDefinition(name = "Live lines kept", min = "1",
            description = "Newest received lines kept for clients that fetch every line (LIVE)")
    int liveLines() default 10000;
}
