package blitz.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Hashtable;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import blitz.model.client.ClientStore;
/** The real client store service (fixtures load once: a second load would duplicate them), configured through ConfigAdmin (PID blitz.client.store) to an in-memory database. */
public final class TestStore {
    private static ClientStore store;

    private TestStore() {
    }

    /** @return the store on an in-memory database with the original's fixtures, configured once per test run */
    public static synchronized ClientStore memory() {
        if (store == null) {
            store = configure();
            store.loadFixtures(true);
        }
        return store;
    }

    private static ClientStore configure() {
        String marker = UUID.randomUUID().toString();
        BundleContext context = FrameworkUtil.getBundle(TestStore.class).getBundleContext();
        // ConfigAdmin is a service factory: keep it while using it
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admins = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        admins.open();
        try {
            ConfigurationAdmin admin = admins.waitForService(30_000);
            assertNotNull(admin, "no ConfigurationAdmin service");
            Configuration configuration = admin.getConfiguration("blitz.client.store", "?");
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("database", "memory");
            properties.put("test.marker", marker);
            configuration.update(properties);
            ServiceTracker<ClientStore, ClientStore> tracker = new ServiceTracker<>(context, context.createFilter(
                    "(&(objectClass=" + ClientStore.class.getName() + ")(test.marker=" + marker + "))"), null);
            tracker.open();
            ClientStore configured = tracker.waitForService(30_000);
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
