package blitz.ui.charts.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

import blitz.model.Notification;
import blitz.model.client.ClientStore;
import blitz.testing.ClientStores;

/**
 * The real client store on an in-memory database (configured through ConfigAdmin, PID
 * {@code blitz.client.store}), offered to the view through the OSGi registry behind a recorder that
 * notes every {@link ClientStore#buckets} call and every notification read and passes everything
 * through; and a real SWT shell
 * holding a Plot view made by the E4 injector. Without an X display the tests fail, never skip.
 */
final class PlotFixture implements AutoCloseable {
    /** One {@code buckets} call: what was asked and how many buckets came back. */
    record Query(long from, long to, int width, int answered) {
    }

    private static ClientStore store;
    private static final List<Query> QUERIES = new CopyOnWriteArrayList<>();
    /** Per notification read: {@code notificationsAfter}'s id, or -1 for a {@code find} of notifications. */
    private static final List<Long> NOTIFICATION_READS = new CopyOnWriteArrayList<>();

    private final Shell shell;
    private final IEclipseContext context;
    final PlotView view;

    PlotFixture() {
        String name = System.getenv("DISPLAY");
        assertFalse(name == null || name.isBlank(), "the plot tests need an X display: run them through releng/run-tests.sh");
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(900, 600);
        context = EclipseContextFactory.getServiceContext(bundleContext()).createChild("plot test");
        Composite parent = new Composite(shell, 0);
        context.set(Composite.class, parent);
        view = ContextInjectionFactory.make(PlotView.class, context);
        shell.layout(true, true);
        shell.open();
    }

    Shell shell() {
        return shell;
    }

    /** @return the store (in memory), registered with the recorder in front of it on first use */
    static synchronized ClientStore store() {
        if (store == null) {
            store = ClientStores.inMemory();
            bundleContext().registerService(ClientStore.class, recording(store),
                    new Hashtable<>(java.util.Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE)));
        }
        return store;
    }

    /** @return the bucket queries the view made so far */
    static List<Query> queries() {
        return QUERIES;
    }

    /** @return the notification reads the view made so far: the id each read after, -1 for a read of all */
    static List<Long> notificationReads() {
        return NOTIFICATION_READS;
    }

    private static ClientStore recording(ClientStore target) {
        return (ClientStore) Proxy.newProxyInstance(PlotFixture.class.getClassLoader(),
                new Class<?>[] { ClientStore.class }, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("notificationsAfter")) {
                        NOTIFICATION_READS.add((Long) args[0]);
                    } else if (method.getName().equals("find") && args[0] == Notification.class) {
                        NOTIFICATION_READS.add(-1L);
                    }
                    if (method.getName().equals("buckets")) {
                        QUERIES.add(new Query((Long) args[2], (Long) args[3], (Integer) args[4],
                                ((List<?>) result).size()));
                    }
                    return result;
                });
    }

    private static BundleContext bundleContext() {
        return FrameworkUtil.getBundle(PlotFixture.class).getBundleContext();
    }

    /** Runs the event loop until {@code condition} holds, failing after {@code timeoutMs}. */
    static void waitUntil(String what, long timeoutMs, BooleanSupplier condition) {
        Display display = Display.getDefault();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out after " + timeoutMs + " ms waiting until " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    /** @return every widget of a type below {@code root} (not root itself: a Shell is a Canvas too), depth first */
    static <W extends Control> List<W> find(Composite root, Class<W> type) {
        List<W> found = new ArrayList<>();
        for (Control child : root.getChildren()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof Composite composite) {
                found.addAll(find(composite, type));
            }
        }
        return found;
    }

    static void spin(long millis) {
        long end = System.currentTimeMillis() + millis;
        waitUntil("time passed", millis + 5_000, () -> System.currentTimeMillis() >= end);
    }

    @Override
    public void close() {
        context.dispose();
        shell.dispose();
        spin(50);
    }
}
