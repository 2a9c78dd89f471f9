// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.condition.Condition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.client.CategoryCatalog;
import blitz.model.client.ClientStore;
import blitz.model.client.ConfigStore;
import blitz.model.client.DownloadStore;
import blitz.model.client.LiveCache;
import blitz.model.client.NotificationLog;
import blitz.model.client.SeriesQueries;
import blitz.model.client.SessionCatalog;

/**
 * Opens the workbench's store ({@link JpaClientStore}) and registers it, once its database is open,
 * as the {@link ClientStore} facade and as each role ({@link #SERVICES}) in one registration, so a
 * consumer of several roles sees them come and go together. Opening (booting Derby, creating the
 * database and its tables, starting EclipseLink) takes seconds; it runs on a thread of its own, so
 * neither the framework's start-level thread nor the workbench's main window waits for it. Consumers
 * take the services when they come: the UI injects them as optional dynamic services, DS components
 * wait for them or rebind.
 *
 * <p>On two cores, opening the database while the workbench builds its window still delays the
 * window by seconds; so when the framework property {@value #OPEN_AFTER_STARTUP} is {@code true} (the
 * workbench's launch script sets it) the opening waits for the OSGi {@link Condition}
 * {@value ClientStore#WORKBENCH_STARTED_CONDITION}, which the workbench registers once its window is
 * up, or at most {@value #STARTUP_WAIT_LIMIT_S} s. Without the property (the headless client, tests)
 * it opens at once. Before it registers the store the thread warms it up ({@link JpaClientStore#warmUp}),
 * so the first plot does not compile the store's queries.
 *
 * <p>Configuration PID {@code blitz.client.store} (see {@link JpaClientStore.Config}, plus {@value #USER} and
 * {@value #PASSWORD} for a database on a Derby network server); its properties
 * become the service's properties, as DS would set them. A new configuration closes the open store
 * and opens the new one the same way.
 */
@Component(configurationPid = JpaClientStore.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
@Designate(ocd = JpaClientStore.Config.class)
public final class ClientStoreOpener {
    /** Framework property: {@code true} to open the store only once the workbench's window is up. */
    static final String OPEN_AFTER_STARTUP = "blitz.client.store.openAfterStartup";
    static final long STARTUP_WAIT_LIMIT_S = 30;
    /**
     * Configuration properties for a {@code database} on a Derby network server
     * ({@code jdbc:derby://host:port/db}): its user and (private) password.
     */
    static final String USER = "user";
    static final String PASSWORD = ".password";
    /** The facade and every role, the names the store is registered under. */
    static final String[] SERVICES = { ClientStore.class.getName(), SessionCatalog.class.getName(),
            CategoryCatalog.class.getName(), DownloadStore.class.getName(), SeriesQueries.class.getName(),
            NotificationLog.class.getName(), ConfigStore.class.getName(), LiveCache.class.getName() };
    private static final Logger LOG = LoggerFactory.getLogger(ClientStoreOpener.class);

    private final Thread opener;
    private final ServiceTracker<Condition, Condition> workbenchStarted;
    private final Object lock = new Object();
    // guarded by lock
    private boolean deactivated;
    private JpaClientStore store;
    private ServiceRegistration<?> registration;

    @Activate
    public ClientStoreOpener(BundleContext context, JpaClientStore.Config config, Map<String, Object> properties) {
        Hashtable<String, Object> serviceProperties = new Hashtable<>();
        properties.forEach((key, value) -> {
            // private properties (the '.password') never become service properties
            if (!key.startsWith("component.") && !key.startsWith(".")) {
                serviceProperties.put(key, value);
            }
        });
        boolean afterStartup = Boolean.parseBoolean(context.getProperty(OPEN_AFTER_STARTUP));
        workbenchStarted = afterStartup ? new ServiceTracker<>(context, conditionFilter(context), null) : null;
        if (workbenchStarted != null) {
            workbenchStarted.open();
        }
        opener = new Thread(() -> {
            awaitWorkbench();
            open(context, config, properties, serviceProperties);
        }, "blitz-client-store-opener");
        opener.setDaemon(true);
        opener.start();
    }

    private static Filter conditionFilter(BundleContext context) {
        try {
            return context.createFilter("(&(" + Constants.OBJECTCLASS + "="
                    + Condition.class.getName() + ")(" + Condition.CONDITION_ID + "="
                    + ClientStore.WORKBENCH_STARTED_CONDITION + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitWorkbench() {
        if (workbenchStarted == null) {
            return;
        }
        try {
            if (workbenchStarted.waitForService(TimeUnit.SECONDS.toMillis(STARTUP_WAIT_LIMIT_S)) == null
                    && !isDeactivated()) { // deactivate() ends the wait early
                LOG.info("The workbench did not report its startup within {} s: opening the store now",
                        STARTUP_WAIT_LIMIT_S);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            workbenchStarted.close();
        }
    }

    private boolean isDeactivated() {
        synchronized (lock) {
            return deactivated;
        }
    }

    private void open(BundleContext context, JpaClientStore.Config config, Map<String, Object> properties,
            Hashtable<String, Object> serviceProperties) {
        if (isDeactivated()) {
            return;
        }
        JpaClientStore opened;
        try {
            opened = new JpaClientStore(DerbyDatabase.of(config.database(), String.valueOf(properties.getOrDefault(USER, "")),
                    String.valueOf(properties.getOrDefault(PASSWORD, ""))), config.readingsPerTile());
        } catch (RuntimeException e) {
            LOG.error("The workbench store could not be opened (database {}): sessions cannot be downloaded or "
                    + "shown until it is fixed", config.database(), e);
            return;
        }
        try {
            opened.warmUp();
        } catch (RuntimeException e) {
            LOG.warn("Warming up the workbench store failed: the first plot compiles its queries itself", e);
        }
        synchronized (lock) {
            if (!deactivated) {
                store = opened;
                registration = context.registerService(SERVICES, opened, serviceProperties);
                return;
            }
        }
        opened.close(); // deactivated while opening
    }

    /** Waits for an opening in progress, then unregisters and closes the store (before a new configuration opens one). */
    @Deactivate
    void deactivate() {
        synchronized (lock) {
            deactivated = true;
        }
        if (workbenchStarted != null) {
            workbenchStarted.close(); // ends a wait for the workbench
        }
        try {
            opener.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (registration != null) {
                registration.unregister();
                registration = null;
            }
            if (store != null) {
                store.close();
                store = null;
            }
        }
    }
}
