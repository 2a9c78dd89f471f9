// SPDX-License-Identifier: EPL-2.0
package blitz.sync.tests;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

import blitz.model.client.ClientStore;
import blitz.testing.Osgi;

/**
 * Starts the runtime's protocol server once, on a free port: the build leaves {@code blitz.protocol}
 * stopped (see the pom), so it never binds the default 8999, which the products tests and other builds
 * on the machine use. Shared by the test classes of this bundle.
 */
final class ProtocolOnFreePort {
    private static int port;

    private ProtocolOnFreePort() {
    }

    /**
     * @return the port the protocol serves on, started there by the first caller, who also puts the
     *         client store on an in-memory database
     */
    static synchronized int start(Osgi osgi) throws IOException, BundleException {
        if (port != 0) {
            return port;
        }
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        osgi.configure("blitz.protocol", Map.of("port", port));
        Bundle protocol = Arrays.stream(Osgi.context().getBundles())
                .filter(bundle -> bundle.getSymbolicName().equals("blitz.protocol")).findFirst()
                .orElseThrow(() -> new AssertionError("blitz.protocol is not installed"));
        assertNotEquals(Bundle.ACTIVE, protocol.getState(), "blitz.protocol started before its port was configured");
        protocol.start();
        osgi.configure("blitz.client.store", Map.of("database", "memory"));
        // Wait for the reconfigured store, so no test holds the instance the configuration replaced.
        Osgi.eventually("the client store on its in-memory database", () -> Osgi.context()
                .getServiceReference(ClientStore.class) != null
                && "memory".equals(Osgi.context().getServiceReference(ClientStore.class).getProperty("database")),
                Duration.ofSeconds(60)); // a loaded machine takes its time to open Derby
        return port;
    }
}
