// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import blitz.model.source.MessageSource;

/**
 * A {@code blitz.netscanner} factory configuration made through ConfigAdmin, and the
 * {@link MessageSource} Declarative Services creates for it. Closing deletes the configuration.
 */
final class ConfiguredScanner implements AutoCloseable {
    private final Configuration configuration;
    private final ServiceTracker<MessageSource, MessageSource> tracker;
    final MessageSource source;

    /** @param id the source id, unique per test; {@code properties} adds to or overrides host and id */
    ConfiguredScanner(String id, int port, Map<String, Object> properties)
            throws IOException, InterruptedException, InvalidSyntaxException {
        BundleContext context = FrameworkUtil.getBundle(ConfiguredScanner.class).getBundleContext();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admins = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        admins.open();
        try {
            ConfigurationAdmin admin = admins.waitForService(TimeUnit.SECONDS.toMillis(10));
            if (admin == null) {
                throw new AssertionError("no ConfigurationAdmin service");
            }
            Dictionary<String, Object> values = new Hashtable<>();
            values.put("host", "127.0.0.1");
            values.put("port", port);
            values.put("id", id);
            properties.forEach(values::put);
            configuration = admin.createFactoryConfiguration("blitz.netscanner", "?");
            configuration.update(values);
        } finally {
            admins.close();
        }
        tracker = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=" + MessageSource.class.getName() + ")(id=" + id + "))"), null);
        tracker.open();
        source = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        if (source == null) {
            close();
            throw new AssertionError("no MessageSource registered for " + id);
        }
    }

    @Override
    public void close() throws IOException {
        if (source != null) {
            source.stop();
        }
        tracker.close();
        configuration.delete();
    }
}
