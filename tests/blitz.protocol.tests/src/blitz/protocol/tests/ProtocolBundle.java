// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.tests;

import java.util.Arrays;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

import blitz.testing.Osgi;

/**
 * The test runtime leaves {@code blitz.protocol} stopped (see the pom): a test class configures its own
 * port first and then starts it, so the endpoint never binds the default port 8999, which the products
 * tests use.
 */
final class ProtocolBundle {
    private ProtocolBundle() {
    }

    static Bundle bundle() {
        return Arrays.stream(Osgi.context().getBundles())
                .filter(bundle -> bundle.getSymbolicName().equals("blitz.protocol")).findFirst()
                .orElseThrow(() -> new AssertionError("blitz.protocol is not installed"));
    }

    static void start() {
        try {
            bundle().start();
        } catch (BundleException e) {
            throw new AssertionError("cannot start blitz.protocol", e);
        }
    }
}
