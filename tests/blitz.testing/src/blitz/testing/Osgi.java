// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import blitz.model.source.MessageSource;

/**
 * The running framework for OSGi tests, as openHAB's {@code JavaOSGiTest}: static look-ups that wait
 * for DS to bring services up ({@link #await}), and, on an instance registered as a JUnit extension,
 * registrations and configurations that are undone after each test (or after all tests, for a
 * {@code static} field):
 *
 * <pre>
 * &#64;RegisterExtension
 * final Osgi osgi = new Osgi();
 * ...
 * osgi.configure("blitz.client.connection", Map.of("timeoutMs", 300));
 * LoggerConnection connection = Osgi.await(LoggerConnection.class, "(timeoutMs=300)");
 * </pre>
 *
 * An instance not registered as an extension keeps what it set up (a fixture shared by a whole run).
 */
public final class Osgi implements AfterEachCallback, AfterAllCallback {
    /** How long {@link #await} waits unless told otherwise: DS, ConfigAdmin and a cold JVM take their time. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final Set<String> configuredPids = new HashSet<>();

    /** @return the context of this (test support) bundle, which it starts if the test runtime left it resolved */
    public static BundleContext context() {
        Bundle bundle = FrameworkUtil.getBundle(Osgi.class);
        if (bundle.getBundleContext() == null) {
            try {
                bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                throw new IllegalStateException("cannot start " + bundle.getSymbolicName(), e);
            }
        }
        return bundle.getBundleContext();
    }

    public static <T> T await(Class<T> type) {
        return await(type, (String) null, TIMEOUT);
    }

    /** @param filter an LDAP filter on the service's properties, e.g. {@code "(database=memory)"}, or null */
    public static <T> T await(Class<T> type, String filter) {
        return await(type, filter, TIMEOUT);
    }

    /**
     * @return a service of {@code type} whose properties match {@code filter} (null: any), once there is one
     * @throws AssertionError when none comes within {@code timeout}
     */
    public static <T> T await(Class<T> type, String filter, Duration timeout) {
        return await(type, filter, service -> true, timeout, filter == null ? "" : " matching " + filter);
    }

    /** @return a service of {@code type} that satisfies {@code condition}, once there is one (within {@link #TIMEOUT}) */
    public static <T> T await(Class<T> type, Predicate<? super T> condition) {
        return await(type, null, condition, TIMEOUT, " meeting the test's condition");
    }

    private static <T> T await(Class<T> type, String filter, Predicate<? super T> condition, Duration timeout, String what) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), filterFor(type, filter), null);
        tracker.open();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            do {
                ServiceReference<T>[] references = tracker.getServiceReferences();
                for (ServiceReference<T> reference : references == null ? noReferences(type) : references) {
                    // got through this bundle's context and never released: a service factory's object
                    // (ConfigurationAdmin's) stays valid after the tracker closes
                    T service = context().getService(reference);
                    if (service != null && condition.test(service)) {
                        return service;
                    }
                }
                Thread.sleep(20);
            } while (System.nanoTime() < deadline);
            throw new AssertionError("no " + type.getName() + " service" + what + " within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + type.getName(), e);
        } finally {
            tracker.close();
        }
    }

    /** Polls {@code condition} until it holds, for up to 10 s (what SCR, ConfigAdmin or a worker thread makes true). */
    public static void eventually(String what, BooleanSupplier condition) {
        eventually(what, condition, Duration.ofSeconds(10));
    }

    public static void eventually(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** @return whether {@code condition} came to hold within {@code timeoutMs}, polled every 20 ms */
    public static boolean waitFor(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    /**
     * Sets (replaces) the configuration {@code pid}, leaving it alone when it has these properties already;
     * an empty map deletes it. Undone after the test: the
     * configuration gets its earlier properties back, or is deleted when it had none.
     */
    public void configure(String pid, Map<String, ?> properties) {
        withConfigurationAdmin(admin -> {
            Configuration configuration = admin.getConfiguration(pid, "?");
            if (configuredPids.add(pid)) {
                Dictionary<String, Object> before = configuration.getProperties();
                undo.push(() -> withConfigurationAdmin(again -> restore(again.getConfiguration(pid, "?"), before)));
            }
            return apply(configuration, properties);
        });
    }

    /** Creates a configuration of the factory {@code factoryPid}, deleted after the test. @return its PID */
    public String configureFactory(String factoryPid, Map<String, ?> properties) {
        return withConfigurationAdmin(admin -> {
            Configuration configuration = admin.createFactoryConfiguration(factoryPid, "?");
            apply(configuration, properties);
            String pid = configuration.getPid();
            undo.push(() -> withConfigurationAdmin(again -> {
                again.getConfiguration(pid, "?").delete();
                return null;
            }));
            return pid;
        });
    }

    /** Registers a message source under its id ({@code blitz.source.id}), unregistered after the test. */
    public ServiceRegistration<MessageSource> register(MessageSource source) {
        return register(MessageSource.class, source, Map.of("blitz.source.id", source.id()));
    }

    /** Registers {@code service} with {@code properties}, unregistered after the test. */
    public <T> ServiceRegistration<T> register(Class<T> type, T service, Map<String, ?> properties) {
        ServiceRegistration<T> registration = context().registerService(type, service, new Hashtable<>(properties));
        undo.push(() -> {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyUnregistered) {
                // the test unregistered it itself
            }
        });
        return registration;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        undoAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        undoAll();
    }

    /** Undoes, newest first, what this instance registered and configured. */
    public void undoAll() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
        configuredPids.clear();
    }

    private static Void apply(Configuration configuration, Map<String, ?> properties) throws IOException {
        if (properties.isEmpty()) {
            if (configuration.getProperties() != null) {
                configuration.delete();
            }
        } else {
            // unchanged properties must not restart the configured component
            configuration.updateIfDifferent(new Hashtable<>(properties));
        }
        return null;
    }

    /** Gives {@code configuration} back the properties it had ({@code before}), touching it only if they differ. */
    private static Void restore(Configuration configuration, Dictionary<String, Object> before) throws IOException {
        Dictionary<String, Object> now = configuration.getProperties();
        if (before == null) {
            if (now != null) {
                configuration.delete();
            }
        } else if (!before.equals(now)) {
            configuration.update(before);
        }
        return null;
    }

    private interface AdminCall<R> {
        R on(ConfigurationAdmin admin) throws IOException;
    }

    private static <R> R withConfigurationAdmin(AdminCall<R> call) {
        await(ConfigurationAdmin.class);
        // a service got through a tracker is released when the tracker closes: hold it for this call
        ServiceReference<ConfigurationAdmin> reference = context().getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin admin = context().getService(reference);
        try {
            return call.on(admin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            context().ungetService(reference);
        }
    }

    private static Filter filterFor(Class<?> type, String filter) {
        String objectClass = "(objectClass=" + type.getName() + ")";
        try {
            return context().createFilter(filter == null ? objectClass : "(&" + objectClass + filter + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not an LDAP filter: " + filter, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> ServiceReference<T>[] noReferences(Class<T> type) {
        return new ServiceReference[0];
    }
}
