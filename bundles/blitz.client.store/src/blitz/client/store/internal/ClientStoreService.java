package blitz.client.store.internal;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import blitz.model.client.ClientStore;

/**
 * Registers the workbench's store ({@link JpaClientStore}) as the {@link ClientStore} service once its
 * database is open. Opening (booting Derby, creating the database and its tables, starting
 * EclipseLink) takes seconds; it runs on a thread of its own, so neither the framework's start-level
 * thread nor the workbench's main window waits for it. Consumers take the service when it comes: the
 * UI injects it as an optional dynamic service, DS components wait for it or rebind.
 *
 * <p>On two cores, opening the database while the workbench builds its window still delays the
 * window by seconds; so when the framework property {@value #OPEN_AFTER_STARTUP} is {@code true} (the
 * workbench's launch script sets it) the opening waits until the workbench reports its startup
 * complete (the E4 event {@value #STARTUP_COMPLETE_TOPIC}), or at most {@value #STARTUP_WAIT_LIMIT_S} s.
 * Before it registers the store the thread warms it up ({@link JpaClientStore#warmUp}), so the first
 * plot does not compile the store's queries.
 *
 * <p>Configuration PID {@code blitz.client.store} (see {@link JpaClientStore.Config}); its properties
 * become the service's properties, as DS would set them. A new configuration closes the open store
 * and opens the new one the same way.
 */
@Component(configurationPid = JpaClientStore.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
public final class ClientStoreService {
    /** Framework property: {@code true} to open the store only once the workbench's window is up. */
    static final String OPEN_AFTER_STARTUP = "blitz.client.store.openAfterStartup";
    /** E4's UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, sent through EventAdmin once the window is rendered. */
    static final String STARTUP_COMPLETE_TOPIC = "org/eclipse/e4/ui/LifeCycle/appStartupComplete";
    static final long STARTUP_WAIT_LIMIT_S = 30;
    private static final Logger LOG = Logger.getLogger(ClientStoreService.class.getName());

    private final CountDownLatch mayOpen;
    private final Thread opener;
    private final Object lock = new Object();
    // guarded by lock
    private boolean deactivated;
    private JpaClientStore store;
    private ServiceRegistration<ClientStore> registration;

    @Activate
    public ClientStoreService(BundleContext context, JpaClientStore.Config config, Map<String, Object> properties) {
        Hashtable<String, Object> serviceProperties = new Hashtable<>();
        properties.forEach((key, value) -> {
            if (!key.startsWith("component.")) {
                serviceProperties.put(key, value);
            }
        });
        boolean afterStartup = Boolean.parseBoolean(context.getProperty(OPEN_AFTER_STARTUP));
        mayOpen = new CountDownLatch(afterStartup ? 1 : 0);
        // listening from activation on, so the event cannot pass before the opener thread runs
        ServiceRegistration<EventHandler> listener = afterStartup ? context.registerService(EventHandler.class,
                event -> mayOpen.countDown(), new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, STARTUP_COMPLETE_TOPIC))) : null;
        opener = new Thread(() -> {
            awaitStartup(listener);
            open(context, config, serviceProperties);
        }, "blitz-client-store-opener");
        opener.setDaemon(true);
        opener.start();
    }

    private void awaitStartup(ServiceRegistration<EventHandler> listener) {
        if (listener == null) {
            return;
        }
        try {
            if (!mayOpen.await(STARTUP_WAIT_LIMIT_S, TimeUnit.SECONDS)) {
                LOG.info("The workbench did not report its startup within " + STARTUP_WAIT_LIMIT_S + " s: opening the store now");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            listener.unregister();
        }
    }

    private void open(BundleContext context, JpaClientStore.Config config, Hashtable<String, Object> serviceProperties) {
        synchronized (lock) {
            if (deactivated) {
                return;
            }
        }
        JpaClientStore opened;
        try {
            opened = new JpaClientStore(config);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The workbench store could not be opened (database " + config.database()
                    + "): sessions cannot be downloaded or shown until it is fixed", e);
            return;
        }
        try {
            opened.warmUp();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Warming up the workbench store failed: the first plot compiles its queries itself", e);
        }
        synchronized (lock) {
            if (!deactivated) {
                store = opened;
                registration = context.registerService(ClientStore.class, opened, serviceProperties);
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
        mayOpen.countDown();
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
