// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

import blitz.testing.FreePort;
import blitz.testing.Osgi;

/**
 * The runtime's protocol server for the workbench tests, started once on a free loopback port: the
 * build leaves {@code blitz.protocol} stopped (see the pom), so it never binds the default 8999, which
 * the products tests and other builds on the machine use.
 */
final class WorkbenchProtocol {
    /** Not an extension: the protocol keeps its port for the rest of the run, as the started bundle does. */
    private static final Osgi SETUP = new Osgi();
    private static int port;

    private WorkbenchProtocol() {
    }

    /** @return the port, the protocol started on it by the first caller */
    static synchronized int start() throws BundleException {
        if (port == 0) {
            port = FreePort.find();
            SETUP.configure("blitz.protocol", Map.of("port", port));
            Bundle protocol = bundle("blitz.protocol");
            assertNotEquals(Bundle.ACTIVE, protocol.getState(), "blitz.protocol started before its port was configured");
            protocol.start();
        }
        return port;
    }

    static Bundle bundle(String symbolicName) {
        BundleContext context = FrameworkUtil.getBundle(WorkbenchProtocol.class).getBundleContext();
        return Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName().equals(symbolicName)).findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }
}
