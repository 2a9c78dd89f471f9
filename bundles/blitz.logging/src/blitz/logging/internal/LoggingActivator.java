// SPDX-License-Identifier: EPL-2.0
package blitz.logging.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Sets up logging as the first Blitz bundle to start: Logback reads {@code DATA/logback.xml} (written
 * with defaults when missing), and java.util.logging is bridged to SLF4J so that the JDK's, Equinox's
 * and EclipseLink's ({@code JavaLogger}) records land in the same console and files.
 */
public final class LoggingActivator implements BundleActivator {
    private final JulBridge julBridge = new JulBridge();

    @Override
    public void start(BundleContext context) {
        LogbackSetup.fromDataFolder(DataFolder.fromSystemProperty(), LoggingActivator.class.getResource("/default-logback.xml"));
        julBridge.install();
    }

    @Override
    public void stop(BundleContext context) {
        julBridge.uninstall();
    }
}
