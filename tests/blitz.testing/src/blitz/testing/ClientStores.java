// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.UUID;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import blitz.model.client.ClientStore;

/**
 * The real client store for tests, reached the way the workbench reaches it: as the service the store
 * bundle registers, configured through ConfigAdmin (PID {@value #PID}). Every configuration carries a
 * fresh marker, so the caller gets the instance activated with it, not an older one. Needs the store
 * bundle, Declarative Services and ConfigAdmin in the test runtime.
 */
public final class ClientStores {
    /** The store's configuration PID. */
    public static final String PID = "blitz.client.store";
    private static final long TIMEOUT_MS = 30_000;

    private ClientStores() {
    }

    /** @return the store on a fresh in-memory database */
    public static ClientStore inMemory() {
        return configure("memory", Map.of());
    }

    /**
     * Points the store at {@code database} ("memory" or a folder) with further configuration
     * properties (e.g. {@code readingsPerTile}).
     *
     * @return the instance that came up with this configuration
     * @throws IllegalStateException when it does not come up within 30 s
     */
    public static ClientStore configure(String database, Map<String, ?> properties) {
        BundleContext context = context();
        String marker = UUID.randomUUID().toString();
        Dictionary<String, Object> configuration = new Hashtable<>(properties);
        configuration.put("database", database);
        configuration.put("test.marker", marker);
        // ConfigAdmin is a service factory: keep it while using it
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admins = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        admins.open();
        try {
            ConfigurationAdmin admin = admins.waitForService(TIMEOUT_MS);
            if (admin == null) {
                throw new IllegalStateException("no ConfigurationAdmin service");
            }
            admin.getConfiguration(PID, "?").update(configuration);
            return await(context, marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            admins.close();
        }
    }

    /** This bundle's context; the test runtime may leave the bundle resolved but not started, so it starts it. */
    private static BundleContext context() {
        Bundle bundle = FrameworkUtil.getBundle(ClientStores.class);
        if (bundle.getBundleContext() == null) {
            try {
                bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                throw new IllegalStateException("cannot start " + bundle.getSymbolicName(), e);
            }
        }
        return bundle.getBundleContext();
    }

    private static ClientStore await(BundleContext context, String marker) throws InterruptedException {
        ServiceTracker<ClientStore, ClientStore> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter(
                    "(&(objectClass=" + ClientStore.class.getName() + ")(test.marker=" + marker + "))"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open();
        try {
            // the store's component is immediate: the instance stays registered after the tracker lets it go
            ClientStore store = tracker.waitForService(TIMEOUT_MS);
            if (store == null) {
                throw new IllegalStateException("the client store did not come up with marker " + marker);
            }
            return store;
        } finally {
            tracker.close();
        }
    }
}
