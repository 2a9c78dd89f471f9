// SPDX-License-Identifier: EPL-2.0
package blitz.testing.swt;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Hashtable;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import blitz.model.client.ClientStore;

/**
 * The real client store service of bundle {@code blitz.client.store} on an in-memory database, which
 * the views' tests run against: configured through ConfigAdmin (PID {@code blitz.client.store}) with a
 * marker property, so the service found is the one this configuration made.
 */
public final class InMemoryClientStore {
    private static final long TIMEOUT_MS = 30_000;

    private InMemoryClientStore() {
    }

    /** @return the store service once it came up on an in-memory database (empty, no fixtures) */
    public static ClientStore configure() {
        String marker = UUID.randomUUID().toString();
        BundleContext context = UiFixture.bundleContext();
        // ConfigAdmin is a service factory: keep it while using it
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admins = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        admins.open();
        try {
            ConfigurationAdmin admin = admins.waitForService(TIMEOUT_MS);
            assertNotNull(admin, "no ConfigurationAdmin service");
            Configuration configuration = admin.getConfiguration("blitz.client.store", "?");
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("database", "memory");
            properties.put("test.marker", marker);
            configuration.update(properties);
            ServiceTracker<ClientStore, ClientStore> tracker = new ServiceTracker<>(context, context.createFilter(
                    "(&(objectClass=" + ClientStore.class.getName() + ")(test.marker=" + marker + "))"), null);
            tracker.open();
            ClientStore configured = tracker.waitForService(TIMEOUT_MS);
            tracker.close();
            assertNotNull(configured, "the store did not come up on an in-memory database");
            return configured;
        } catch (Exception e) {
            throw new IllegalStateException("could not configure the client store", e);
        } finally {
            admins.close();
        }
    }
}
