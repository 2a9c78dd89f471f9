// SPDX-License-Identifier: EPL-2.0
package blitz.logging.internal;

import java.util.logging.Logger;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Sends every java.util.logging record to SLF4J in place of JUL's own console handler. */
final class JulBridge {
    void install() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // through java.util.logging on purpose: the line in the log shows that the bridge works
        Logger.getLogger(JulBridge.class.getName()).info("java.util.logging records go to SLF4J");
    }

    void uninstall() {
        SLF4JBridgeHandler.uninstall();
    }
}
