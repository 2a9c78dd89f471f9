// SPDX-License-Identifier: EPL-2.0
package blitz.serial.tests;

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
 * A {@code blitz.serial.port} factory configuration made through ConfigAdmin and the
 * {@link MessageSource} that Declarative Services creates for it. Closing deletes the configuration.
 */
final class ConfiguredPort implements AutoCloseable {
    private final Configuration configuration;
    private final ServiceTracker<MessageSource, MessageSource> tracker;
    final MessageSource source;

    ConfiguredPort(String port, Map<String, Object> properties) throws IOException, InterruptedException, InvalidSyntaxException {
        BundleContext context = FrameworkUtil.getBundle(ConfiguredPort.class).getBundleContext();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admins = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        admins.open();
        ConfigurationAdmin admin = admins.waitForService(TimeUnit.SECONDS.toMillis(10));
        if (admin == null) {
            throw new AssertionError("no ConfigurationAdmin service");
        }
        Dictionary<String, Object> values = new Hashtable<>(properties);
        values.put("port", port);
        configuration = admin.createFactoryConfiguration("blitz.serial.port", "?");
        configuration.update(values);
        tracker = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=" + MessageSource.class.getName() + ")(port=" + port + "))"), null);
        tracker.open();
        source = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        admins.close();
        if (source == null) {
            close();
            throw new AssertionError("no MessageSource registered for port " + port);
        }
    }

    @Override
    public void close() throws IOException {
        tracker.close();
        configuration.delete();
    }
}
