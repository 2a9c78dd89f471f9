// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

import blitz.client.store.internal.DerbyDatabase;
import blitz.client.store.internal.JpaClientStore;
import blitz.model.Notification;
import blitz.model.SessionSummary;
import blitz.model.client.ClientStore;
import blitz.model.client.ReadingBatch;
import blitz.ui.charts.model.TimeRange;

/**
 * The Plot view on a real Derby client store holding one large session (4 variables, one reading every
 * 10 ms per variable), in a real SWT shell: the time from opening the view until the first complete
 * frame is painted, then frames while panning a tenth of the session 10 px at a time (each step: the
 * move, the frame drawn at once from the cached columns, and the frame with the new columns from the
 * store). Baselines in the same run: the whole-session bucket query alone and the painter alone. Run
 * by run-plot-bench.sh; see docs/performance.md, "Plot".
 */
public final class PlotBenchmark {
    private static final long SESSION = 1;
    private static final long STARTED = 1_700_000_000_000L;
    private static final int VARIABLES = 4;
    private static final int CHUNK = 10_000;
    private static final int PAN_STEPS = 60;
    private static final int PAN_PIXELS = 10;
    private static final long TIMEOUT_MS = 120_000;

    private final Display display = new Display();
    private final JpaClientStore store;
    private long lastPaint;
    private boolean lastPaintComplete;
    private int paints;

    private PlotBenchmark(JpaClientStore store) {
        this.store = store;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long readings = Long.parseLong(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path complete = folder.resolve("session-complete");
        boolean built = Files.exists(complete);
        JpaClientStore store = new JpaClientStore(DerbyDatabase.of(folder.resolve("db").toString()));
        try {
            if (!built) {
                build(store, readings);
                Files.writeString(complete, readings + "\n");
            }
            // as the workbench's store service does on its opening thread, before the view can have the store
            long warming = System.nanoTime();
            store.warmUp();
            System.out.printf(Locale.ROOT, "store warm-up (on the store's opening thread) %.1f ms%n",
                    (System.nanoTime() - warming) / 1e6);
            System.out.printf(Locale.ROOT, "java %s, %d cores, session of %d readings (%d variables)%s%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), readings,
                    VARIABLES, built ? ", reused from " + folder : "");
            PlotBenchmark bench = new PlotBenchmark(store);
            for (int run = 1; run <= runs; run++) {
                bench.run(run);
            }
        } finally {
            store.close();
        }
    }

    private static void build(JpaClientStore store, long readings) {
        long begin = System.nanoTime();
        long span = readings / VARIABLES * 10;
        store.updateSessionList(List.of(new SessionSummary(SESSION, STARTED, OptionalLong.of(STARTED + span), readings)));
        long[] categories = new long[VARIABLES];
        for (int v = 0; v < VARIABLES; v++) {
            categories[v] = store.getOrCreateCategory("bench_" + v);
        }
        ReadingBatch batch = new ReadingBatch(CHUNK);
        for (long start = 0; start < readings; start += CHUNK) {
            batch.clear();
            for (long i = start; i < Math.min(readings, start + CHUNK); i++) {
                batch.add(i / VARIABLES * 10, categories[(int) (i % VARIABLES)],
                        Math.sin(i * 1e-5) * 100 + (i % 7));
            }
            store.addReadings(SESSION, batch);
        }
        store.updateSessionAvailability(SESSION);
        // the gap ledger as the client mirrors it: one skipped sequence and one reconnect of a minute
        store.logError("Session " + SESSION + " gap: " + (STARTED + span / 3)
                + " serial:/dev/ttyUSB0 09 SEQUENCE_GAP 12 sequence 100 then 112", Notification.WARNING);
        store.logError("Session " + SESSION + " gap: " + (STARTED + span / 2)
                + " serial:/dev/ttyUSB0 09 RECONNECT_GAP 1 port lost (unplugged), board running again after 60000 ms",
                Notification.WARNING);
        System.out.printf(Locale.ROOT, "built the session in %.1f s%n", (System.nanoTime() - begin) / 1e9);
    }

    private void run(int run) {
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1200, 700);
        try {
            lastPaintComplete = false;
            long begin = System.nanoTime();
            Composite parent = new Composite(shell, SWT.NONE);
            PlotView view = new PlotView();
            List<String> calls = new ArrayList<>();
            view.setStore(timed(store, begin, calls));
            view.createControls(parent);
            Canvas canvas = canvas(shell);
            canvas.addPaintListener(event -> {
                paints++;
                lastPaint = System.nanoTime();
                lastPaintComplete = view.model().upToDate() && !view.model().series().isEmpty();
            });
            shell.layout(true, true);
            shell.open();
            view.model().showSession(SESSION);
            spinUntil(() -> lastPaintComplete);
            double firstPaint = (lastPaint - begin) / 1e6;
            synchronized (calls) {
                System.out.printf(Locale.ROOT, "run %d: until the first paint the view asked the store (ms after opening:"
                        + " call, its time): %s%n", run, String.join("; ", calls));
                calls.clear();
            }

            TimeRange whole = view.model().range();
            int width = view.model().requestWidth();
            long category = store.getOrCreateCategory("bench_0");
            double query = median(5, () -> store.buckets(SESSION, category, whole.from(), whole.to(), width));
            double painter = painterAlone(view, canvas.getClientArea());
            System.out.printf(Locale.ROOT,
                    "run %d: first paint %.1f ms (%d columns, %d buckets drawn); whole-session bucket query alone %.1f ms;"
                            + " painter alone %.2f ms%n",
                    run, firstPaint, width, view.model().series().get(0).buckets().size(), query, painter);
            // the first run is the first plot of a fresh JVM on a just-opened store (cold caches, statements not yet compiled)
            System.out.printf(Locale.ROOT, "RESULT plot.firstpaint%s %.1f ms baseline=%.1f%n", run == 1 ? ".cold" : "",
                    firstPaint, query);

            pan(run, view, canvas, whole, painter);
        } finally {
            shell.dispose();
            spin(100);
        }
    }

    /** @return the store, noting when each call the view makes starts and how long it takes */
    private static ClientStore timed(ClientStore target, long begin, List<String> calls) {
        return (ClientStore) Proxy.newProxyInstance(PlotBenchmark.class.getClassLoader(),
                new Class<?>[] { ClientStore.class }, (proxy, method, args) -> {
                    long start = System.nanoTime();
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        long end = System.nanoTime();
                        synchronized (calls) {
                            if (calls.size() < 20) {
                                calls.add(String.format(Locale.ROOT, "%.0f %s %.1f", (start - begin) / 1e6,
                                        method.getName(), (end - start) / 1e6));
                            }
                        }
                    }
                });
    }

    /** Zooms to the middle tenth, then drags left 10 px at a time; each step waits for its complete frame. */
    private void pan(int run, PlotView view, Canvas canvas, TimeRange whole, double painter) {
        long tenth = whole.span() / 10;
        long zoomed = System.nanoTime();
        view.model().setRange(new TimeRange(whole.from() + 4 * tenth, whole.from() + 5 * tenth));
        spinUntil(() -> lastPaintComplete && lastPaint > zoomed);
        int x = 700;
        Event press = new Event();
        press.button = 1;
        press.x = x;
        press.y = 200;
        canvas.notifyListeners(SWT.MouseDown, press);
        double[] firstFrame = new double[PAN_STEPS];
        double[] completeFrame = new double[PAN_STEPS];
        long panBegin = System.nanoTime();
        for (int step = 0; step < PAN_STEPS; step++) {
            x -= PAN_PIXELS;
            Event move = new Event();
            move.x = x;
            move.y = 200;
            int before = paints;
            long moved = System.nanoTime();
            canvas.notifyListeners(SWT.MouseMove, move);
            spinUntil(() -> paints > before);
            firstFrame[step] = (lastPaint - moved) / 1e6;
            spinUntil(() -> lastPaintComplete && lastPaint > moved);
            completeFrame[step] = (lastPaint - moved) / 1e6;
        }
        double seconds = (System.nanoTime() - panBegin) / 1e9;
        canvas.notifyListeners(SWT.MouseUp, new Event());
        double fps = PAN_STEPS / seconds;
        TimeRange shown = view.model().range();
        int columns = view.model().requestWidth();
        long column = shown.span() / columns + (shown.span() % columns == 0 ? 0 : 1);
        long category = store.getOrCreateCategory("bench_0");
        double strip = median(20, () -> store.buckets(SESSION, category, shown.from(),
                shown.from() + PAN_PIXELS * column, PAN_PIXELS));
        double p50 = percentile(completeFrame, 50);
        double p95 = percentile(completeFrame, 95);
        System.out.printf(Locale.ROOT,
                "run %d: pan %d steps of %d px over a tenth of the session: %.1f complete frames/s; move -> frame from"
                        + " the cache p50 %.1f ms, p95 %.1f ms; move -> frame with the new columns p50 %.1f ms, p95 %.1f ms;"
                        + " the store query of a %d-column strip alone %.1f ms%n",
                run, PAN_STEPS, PAN_PIXELS, fps, percentile(firstFrame, 50), percentile(firstFrame, 95), p50, p95,
                PAN_PIXELS, strip);
        System.out.printf(Locale.ROOT, "RESULT plot.pan.fps %.1f fps baseline=%.1f%n", fps, 1000 / painter);
        System.out.printf(Locale.ROOT, "RESULT plot.pan.frame.p50 %.2f ms baseline=%.2f%n", p50, painter);
        System.out.printf(Locale.ROOT, "RESULT plot.pan.frame.p95 %.2f ms baseline=%.2f%n", p95, painter);
    }

    /** @return the median time (ms) of the painter drawing what the view shows into an image, 20 times */
    private double painterAlone(PlotView view, Rectangle area) {
        Image image = new Image(display, area.width, area.height);
        try {
            GC gc = new GC(image);
            try {
                PlotFrame frame = view.frame();
                return median(20, () -> ChartPainter.paint(gc, new Rectangle(0, 0, area.width, area.height), frame));
            } finally {
                gc.dispose();
            }
        } finally {
            image.dispose();
        }
    }

    private static double median(int times, Runnable work) {
        double[] millis = new double[times];
        for (int i = 0; i < times; i++) {
            long begin = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - begin) / 1e6;
        }
        return percentile(millis, 50);
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static Canvas canvas(Composite root) {
        List<Control> pending = new ArrayList<>(List.of(root.getChildren()));
        while (!pending.isEmpty()) {
            Control control = pending.remove(0);
            if (control instanceof Canvas canvas) {
                return canvas;
            }
            if (control instanceof Composite composite) {
                pending.addAll(List.of(composite.getChildren()));
            }
        }
        throw new IllegalStateException("the plot view has no canvas");
    }

    private void spinUntil(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out after " + TIMEOUT_MS + " ms");
            }
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    private void spin(long millis) {
        long end = System.currentTimeMillis() + millis;
        display.timerExec((int) millis, () -> { });
        spinUntil(() -> System.currentTimeMillis() >= end);
    }
}
