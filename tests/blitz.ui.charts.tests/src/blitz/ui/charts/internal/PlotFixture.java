// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

import blitz.model.Notification;
import blitz.model.client.ClientStore;
import blitz.testing.ClientStores;
import blitz.testing.swt.UiFixture;

/**
 * The real client store on an in-memory database ({@link ClientStores}), offered to the view
 * through the OSGi registry behind a recorder that notes every {@link ClientStore#buckets} call and
 * every notification read and passes everything through; and a Plot view made by the E4 injector in a
 * real SWT shell ({@link UiFixture}). Without an X display the tests fail, never skip.
 */
final class PlotFixture implements AutoCloseable {
    /** One {@code buckets} call: what was asked and how many buckets came back. */
    record Query(long from, long to, int width, int answered) {
    }

    private static ClientStore store;
    private static final List<Query> QUERIES = new CopyOnWriteArrayList<>();
    /** Per notification read: {@code notificationsAfter}'s id, or -1 for a {@code find} of notifications. */
    private static final List<Long> NOTIFICATION_READS = new CopyOnWriteArrayList<>();

    private final UiFixture ui = new UiFixture();
    final PlotView view = ui.make(PlotView.class);

    Shell shell() {
        return ui.shell();
    }

    /** @return the chart's canvas */
    Canvas canvas() {
        return UiFixture.find(ui.shell().getChildren()[0], Canvas.class).get(0);
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

    @Override
    public void close() {
        ui.close();
    }
}
