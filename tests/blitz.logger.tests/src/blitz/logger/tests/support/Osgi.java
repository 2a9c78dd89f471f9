package blitz.logger.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import blitz.model.source.MessageSource;

/** Service look-ups, registrations and configuration for tests running in Equinox. */
public final class Osgi {
    private Osgi() {
    }

    public static BundleContext context() {
        return FrameworkUtil.getBundle(Osgi.class).getBundleContext();
    }

    /** Waits (up to 20 s) for a service of the type that satisfies the condition. */
    public static <T> T await(Class<T> type, Predicate<T> condition) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        try {
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (Object service : tracker.getServices() == null ? new Object[0] : tracker.getServices()) {
                    T candidate = type.cast(service);
                    if (condition.test(candidate)) {
                        return candidate;
                    }
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no " + type.getSimpleName() + " service within 20 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            tracker.close();
        }
    }

    public static <T> T await(Class<T> type) {
        return await(type, service -> true);
    }

    public static ServiceRegistration<MessageSource> register(MessageSource source) {
        return context().registerService(MessageSource.class, source, new Hashtable<>(Map.of("blitz.source.id", source.id())));
    }

    /** Sets (replaces) a configuration; an empty map deletes it. */
    public static void configure(String pid, Map<String, Object> properties) {
        await(ConfigurationAdmin.class);
        // a service got through a tracker is released when the tracker closes: hold it for this call
        var reference = context().getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin admin = context().getService(reference);
        try {
            Configuration configuration = admin.getConfiguration(pid, "?");
            if (properties.isEmpty()) {
                configuration.delete();
            } else {
                Dictionary<String, Object> dictionary = new Hashtable<>(properties);
                configuration.update(dictionary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            context().ungetService(reference);
        }
    }

    /** Polls a condition for up to 10 s. */
    public static void eventually(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
