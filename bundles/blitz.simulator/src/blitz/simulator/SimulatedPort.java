// SPDX-License-Identifier: EPL-2.0
package blitz.simulator;

import java.nio.file.Path;

/**
 * Registered as an OSGi service by the simulator component (configuration PID
 * {@code blitz.simulator}) for each simulated board it runs: a serial port configuration
 * ({@code blitz.serial.port}, property {@code port}) can point at {@link #hostPort()}. The service
 * property {@value #HOST_PORT} carries the same path.
 */
@org.osgi.annotation.versioning.ProviderType
public interface SimulatedPort {
    /** Service property holding {@link #hostPort()} as a string. */
    String HOST_PORT = "blitz.simulator.hostPort";

    /** @return the host end of the pty pair */
    Path hostPort();

    BoardSimulator board();
}
