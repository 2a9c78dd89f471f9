package blitz.client.store.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import blitz.model.client.ClientStore;

/**
 * Reaches the store the way the workbench does: as the OSGi service that Declarative Services
 * registers, configured through ConfigAdmin (PID {@code blitz.client.store}). Every configuration
 * carries a fresh marker so a test waits for the instance activated with it, not an older one.
 */
final class StoreService {
    static final String PID = "blitz.client.store";
    private static final long TIMEOUT_MS = 30_000;

    private StoreService() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(StoreService.class).getBundleContext();
    }

    /** Points the store at {@code database} ("memory" or a folder) and returns the new instance. */
    static ClientStore configure(String database) {
        return configure(database, new Hashtable<>());
    }

    /** {@link #configure(String)} with the plot summary cut into tiles of {@code readingsPerTile}. */
    static ClientStore configure(String database, int readingsPerTile) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("readingsPerTile", readingsPerTile);
        return configure(database, properties);
    }

    private static ClientStore configure(String database, Hashtable<String, Object> properties) {
        String marker = UUID.randomUUID().toString();
        BundleContext context = context();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admin = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        admin.open();
        try {
            ConfigurationAdmin configurationAdmin = admin.waitForService(TIMEOUT_MS);
            if (configurationAdmin == null) {
                throw new IllegalStateException("no ConfigurationAdmin service");
            }
            Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
            properties.put("database", database);
            properties.put("test.marker", marker);
            configuration.update(properties);
            return await(context, marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            admin.close();
        }
    }

    private static ClientStore await(BundleContext context, String marker) throws InterruptedException {
        try {
            ServiceTracker<ClientStore, ClientStore> tracker = new ServiceTracker<>(context, context.createFilter(
                    "(&(objectClass=" + ClientStore.class.getName() + ")(test.marker=" + marker + "))"), null);
            tracker.open();
            // the component is immediate: the instance stays active after the tracker lets it go
            ClientStore store = tracker.waitForService(TIMEOUT_MS);
            tracker.close();
            if (store == null) {
                throw new IllegalStateException("the store did not come up with marker " + marker);
            }
            return store;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh scratch folder under the module's work directory. */
    static Path scratchFolder(String prefix) {
        Path base = Path.of(System.getProperty("blitz.test.workdir", System.getProperty("java.io.tmpdir")));
        try {
            Files.createDirectories(base);
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
