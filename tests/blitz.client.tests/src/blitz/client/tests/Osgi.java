package blitz.client.tests;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import blitz.model.connection.LoggerConnection;

/** Services of the running framework, and the connection configured with test-friendly timeouts. */
final class Osgi {
    static final int TIMEOUT_MS = 300;
    private static LoggerConnection configured;

    private Osgi() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Osgi.class).getBundleContext();
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        T found = tracker.waitForService(10_000);
        if (found == null) {
            throw new AssertionError("no " + type.getSimpleName() + " service");
        }
        return found;
    }

    /** The connection service after it picked up short timeouts and a 50 ms live update period. */
    static synchronized LoggerConnection configuredConnection() throws Exception {
        if (configured != null) {
            return configured;
        }
        ConfigurationAdmin configAdmin = service(ConfigurationAdmin.class);
        Configuration configuration = configAdmin.getConfiguration("blitz.client.connection", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("timeoutMs", TIMEOUT_MS);
        properties.put("retries", 2);
        properties.put("updatePeriodMs", 50);
        properties.put("maxBackoffMs", 400);
        configuration.update(properties);
        ServiceTracker<LoggerConnection, LoggerConnection> tracker = new ServiceTracker<>(context(),
                LoggerConnection.class, null);
        tracker.open();
        boolean picked = waitFor(() -> tracker.getServiceReference() != null
                && Integer.valueOf(TIMEOUT_MS).equals(tracker.getServiceReference().getProperty("timeoutMs")), 10_000);
        if (!picked) {
            throw new AssertionError("the connection service did not pick up its configuration");
        }
        configured = tracker.getService();
        return configured;
    }

    /** The client store on an in-memory database (never the user's folder), once it is up. */
    static synchronized blitz.model.client.ClientStore inMemoryStore() throws Exception {
        Configuration configuration = service(ConfigurationAdmin.class).getConfiguration("blitz.client.store", "?");
        if (!"memory".equals(configuration.getProperties() == null ? null : configuration.getProperties().get("database"))) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("database", "memory");
            configuration.update(properties);
        }
        ServiceTracker<blitz.model.client.ClientStore, blitz.model.client.ClientStore> tracker = new ServiceTracker<>(
                context(), context().createFilter("(&(objectClass=blitz.model.client.ClientStore)(database=memory))"),
                null);
        tracker.open();
        blitz.model.client.ClientStore store = tracker.waitForService(30_000);
        if (store == null) {
            throw new AssertionError("the client store did not come up on an in-memory database");
        }
        return store;
    }

    static blitz.model.decoder.DecoderRegistry registry() {
        try {
            return service(blitz.model.decoder.DecoderRegistry.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static boolean waitFor(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
