package blitz.server.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import blitz.model.server.ServerStore;

/**
 * Gets store instances the way the runtime does: DS components configured through ConfigAdmin,
 * looked up in the service registry. Each configuration carries a new {@code blitz.test.generation}
 * so a test waits for exactly the instance it configured (a configuration change makes DS
 * deactivate the old instance and activate a new one: a restart).
 */
final class Stores {
    static final String EMBEDDED_PID = "blitz.server.embedded";
    static final String REDIS_PID = "blitz.server.redis";
    private static final AtomicInteger GENERATION = new AtomicInteger();
    private static final long TIMEOUT_MS = 10_000;

    private Stores() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Stores.class).getBundleContext();
    }

    /** Kept open: ConfigAdmin is a per-bundle service object that becomes invalid once released. */
    private static ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> configAdminTracker;

    private static synchronized ConfigurationAdmin configAdmin() {
        if (configAdminTracker == null) {
            configAdminTracker = new ServiceTracker<>(context(), ConfigurationAdmin.class, null);
            configAdminTracker.open();
        }
        try {
            ConfigurationAdmin admin = configAdminTracker.waitForService(TIMEOUT_MS);
            if (admin == null) {
                throw new IllegalStateException("no ConfigurationAdmin service");
            }
            return admin;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Configures a store component and waits for the instance with that configuration. */
    static ServerStore configure(String pid, String kind, Map<String, Object> properties) {
        int generation = GENERATION.incrementAndGet();
        Hashtable<String, Object> dictionary = new Hashtable<>(properties);
        dictionary.put("blitz.test.generation", generation);
        try {
            Configuration configuration = configAdmin().getConfiguration(pid, null);
            configuration.update(dictionary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return await("(&(objectClass=" + ServerStore.class.getName() + ")(blitz.store.kind=" + kind
                + ")(blitz.test.generation=" + generation + "))");
    }

    /** Removes a store's configuration (the Redis store then goes away, the embedded one uses its defaults). */
    static void unconfigure(String pid) {
        try {
            Configuration[] configurations = configAdmin().listConfigurations("(service.pid=" + pid + ")");
            if (configurations != null) {
                for (Configuration configuration : configurations) {
                    configuration.delete();
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ServerStore await(String filter) {
        try {
            ServiceTracker<ServerStore, ServerStore> tracker = new ServiceTracker<>(context(), context().createFilter(filter), null);
            tracker.open();
            ServerStore store = tracker.waitForService(TIMEOUT_MS);
            // the instance stays registered after the tracker closes; the test holds it directly
            tracker.close();
            if (store == null) {
                throw new IllegalStateException("no store service matching " + filter + " within " + TIMEOUT_MS + " ms");
            }
            return store;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
