package blitz.ui.charts.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import blitz.model.Category;
import blitz.model.Notification;
import blitz.model.Session;
import blitz.model.client.Bucket;
import blitz.model.client.ClientStore;
import blitz.model.client.TimeSpan;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import blitz.ui.charts.internal.BucketCache.Columns;
import blitz.ui.charts.internal.BucketCache.Grid;
import blitz.ui.charts.internal.SessionMarkers.Marker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Plot: chosen variables of a downloaded session, or live. For a session the view asks the client
 * store for exactly one bucket per pixel column of the plot over the visible time range
 * ({@link ClientStore#buckets}), never for the readings themselves, so a session of any size opens and
 * pans at the same cost; a pan asks only for the columns that came into view ({@link BucketCache}).
 * Mouse wheel zooms around the pointer, dragging pans, Shift+drag zooms to the dragged span,
 * double-click shows the whole session. Every query runs in a job; the chart repaints when the answer
 * arrives and answers for an earlier range are dropped. The session's start, end and gap ledger are
 * drawn as markers ({@link SessionMarkers}) with their tooltips. Live mode draws
 * {@link LiveValues#history} of the chosen variables over the last minute, with the runtime's session
 * starts and stops.
 */
public class PlotView {
    static final String NO_STORE = "The client store is not available";
    static final String NO_SESSIONS = "No downloaded session yet: download one, or press Live";
    static final long LIVE_WINDOW_MS = 60_000;
    private static final int LIVE_REDRAW_MS = 200;
    /** Live mode reads the runtime's session starts and stops from the notifications this often. */
    private static final int LIVE_MARKERS_EVERY = 5;
    /** Notifications read per store call while catching up with the log. */
    private static final int NOTIFICATIONS_PAGE = 500;
    /** Bursts of wheel events cost one query: it waits this long for the next step. */
    private static final int QUERY_DELAY_MS = 15;
    /** A pan draws from the cache when the new columns take longer than this. */
    private static final int PAN_FRAME_MS = 20;
    private static final double WHEEL_ZOOM = 0.8;

    /** A variable the chart can show, with its store id (session mode) and unit. */
    record Variable(String name, long categoryId, String unit) {
    }

    /** The range on display, asked for as generation {@code ticket}: these columns of these variables. */
    private record Wanted(long ticket, TimeRange range, List<Variable> chosen, Grid grid, Columns view) {
    }

    /** What opening a session finds: its variables, the time range of its readings, its markers. */
    private record Opened(List<Variable> variables, Optional<TimeSpan> timeRange, List<Marker> markers) {
    }

    private Display display;
    private Combo sessions;
    private Button liveButton;
    private Table variables;
    private Canvas canvas;
    private Label status;
    private volatile ClientStore store;
    private volatile LiveValues live;
    private volatile DecoderRegistry registry;

    private final List<Session> shownSessions = new ArrayList<>();
    private final Map<String, Variable> known = new LinkedHashMap<>();
    private long sessionId = -1;
    private TimeRange bounds;
    private TimeRange range;
    private List<Series> series = List.of();
    private List<Marker> markers = List.of();
    private final BucketCache cache = new BucketCache();
    /** Query jobs run one after the other, so each one sees what the one before it cached. */
    private final ISchedulingRule oneQueryAtATime = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };
    /** The generation whose answer is drawn: equal to {@link #generation} when the chart is up to date. */
    private long drawnGeneration;
    /** The grid of the series drawn now. */
    private Grid shownGrid;
    private Wanted wanted;
    private boolean framePending;
    private int liveTicks;
    /** The runtime's session starts and stops read so far, and the id of the last notification read. */
    private List<Marker> liveMarkers = List.of();
    private long lastNotificationRead;
    private String message = NO_SESSIONS;
    private final AtomicLong generation = new AtomicLong();
    private Job query;
    private int dragStartX = -1;
    private TimeRange dragStartRange;
    private int dragCurrentX;
    private boolean selectingZoom;

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().margins(4, 4).numColumns(2).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(bar);
        new Label(bar, SWT.NONE).setText("Session:");
        sessions = new Combo(bar, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().hint(220, SWT.DEFAULT).applyTo(sessions);
        sessions.addListener(SWT.Selection, event -> sessionChosen());
        liveButton = new Button(bar, SWT.TOGGLE);
        liveButton.setText("Live");
        liveButton.setToolTipText("Plot the live values of the connected logger");
        liveButton.addListener(SWT.Selection, event -> setLive(liveButton.getSelection()));
        Button export = new Button(bar, SWT.PUSH);
        export.setText("Export PNG…");
        export.addListener(SWT.Selection, event -> askAndExport());
        status = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        variables = new Table(parent, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(false, true).hint(170, SWT.DEFAULT).applyTo(variables);
        variables.addListener(SWT.Selection, event -> {
            if (event.detail == SWT.CHECK) {
                refresh();
            }
        });
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(canvas);
        canvas.addPaintListener(event -> paint(event.gc, canvas.getClientArea()));
        canvas.addListener(SWT.Resize, event -> refresh());
        canvas.addListener(SWT.MouseWheel, this::wheel);
        canvas.addListener(SWT.MouseDown, this::dragStart);
        canvas.addListener(SWT.MouseMove, this::dragMove);
        canvas.addListener(SWT.MouseMove, this::markerTooltip);
        canvas.addListener(SWT.MouseUp, this::dragEnd);
        canvas.addListener(SWT.MouseDoubleClick, event -> setRange(bounds));
        loadSessions();
    }

    @Inject
    void setStore(@org.eclipse.e4.core.di.annotations.Optional @Service ClientStore newStore) {
        store = newStore;
        if (display != null) {
            display.asyncExec(() -> {
                // another store's notification ids say nothing about this one's
                liveMarkers = List.of();
                lastNotificationRead = 0;
                loadSessions();
            });
        }
    }

    /** The workbench's Sessions view posts this topic when the stored session list changed (a download, a delete). */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void sessionsChanged(@UIEventTopic("blitz/ui/sessions") Object changed) {
        if (display != null) {
            loadSessions();
        }
    }

    @Inject
    void setLiveValues(@org.eclipse.e4.core.di.annotations.Optional @Service LiveValues newLive) {
        live = newLive;
    }

    @Inject
    void setRegistry(@org.eclipse.e4.core.di.annotations.Optional @Service DecoderRegistry newRegistry) {
        registry = newRegistry;
    }

    // --- sessions and variables -----------------------------------------------------------

    private void loadSessions() {
        ClientStore source = store;
        if (source == null) {
            show(NO_STORE);
            return;
        }
        inJob("Listing downloaded sessions", () -> source.all(Session.class).stream().filter(Session::available)
                .sorted(Comparator.comparingLong(Session::refId).reversed()).toList(), this::showSessions);
    }

    private void showSessions(List<Session> available) {
        if (sessions.isDisposed()) {
            return;
        }
        shownSessions.clear();
        shownSessions.addAll(available);
        sessions.setItems(available.stream().map(s -> "Session " + s.refId()).toArray(String[]::new));
        selectShownSession();
        if (!liveButton.getSelection() && sessionId < 0) {
            show(available.isEmpty() ? NO_SESSIONS : "Choose a session");
        }
    }

    private void sessionChosen() {
        int index = sessions.getSelectionIndex();
        if (index >= 0) {
            showSession(shownSessions.get(index).refId());
        }
    }

    /** Opens a session: lists its variables (the first one checked) and shows its whole time range. */
    void showSession(long id) {
        ClientStore source = store;
        DecoderRegistry units = registry;
        if (source == null) {
            return;
        }
        setLive(false);
        inJob("Opening session " + id, () -> {
            List<Variable> found = new ArrayList<>();
            for (Category category : source.getSessionVariables(id)) {
                String unit = units == null ? "" : units.calibration(category.variableName()).unit();
                found.add(new Variable(category.variableName(), category.id(), unit));
            }
            List<Marker> foundMarkers = source.getSession(id)
                    .map(session -> SessionMarkers.of(session, notifications(source, Notification.WARNING)))
                    .orElse(List.of());
            return new Opened(found, source.sessionTimeRange(id), foundMarkers);
        }, opened -> {
            sessionId = id;
            selectShownSession();
            markers = opened.markers();
            cache.clear(); // its readings may have changed since (a re-decode)
            shownGrid = null;
            TimeSpan readings = opened.timeRange().orElse(new TimeSpan(0, 0));
            bounds = withStartAndEnd(new TimeRange(readings.first(), readings.last() + 1), markers);
            range = bounds;
            listVariables(opened.variables());
            if (variables.getItemCount() > 0) {
                variables.getItem(0).setChecked(true);
            }
            refresh();
        });
    }

    /**
     * @return the readings' range widened to the session's start and end, so their markers are in view;
     *         not when that would more than double it (the boards' clock and the runtime's disagree)
     */
    private static TimeRange withStartAndEnd(TimeRange readings, List<Marker> markers) {
        long from = readings.from();
        long to = readings.to();
        for (Marker marker : markers) {
            if (marker.kind() == SessionMarkers.Kind.START || marker.kind() == SessionMarkers.Kind.STOP) {
                from = Math.min(from, marker.from());
                to = Math.max(to, marker.to() + 1);
            }
        }
        return to - from <= 2 * readings.span() ? new TimeRange(from, to) : readings;
    }

    /** @return the notifications of one severity: the ledger's losses are warnings */
    private static List<Notification> notifications(ClientStore source, int severity) {
        return source.find(Notification.class, Map.of("severity", severity));
    }

    private void selectShownSession() {
        int index = shownSessions.stream().map(Session::refId).toList().indexOf(sessionId);
        if (index >= 0) {
            sessions.select(index);
        }
    }

    private void listVariables(List<Variable> found) {
        known.clear();
        variables.removeAll();
        for (Variable variable : found) {
            known.put(variable.name(), variable);
            new TableItem(variables, SWT.NONE).setText(variable.name());
        }
    }

    private List<Variable> checked() {
        List<Variable> chosen = new ArrayList<>();
        for (TableItem item : variables.getItems()) {
            if (item.getChecked()) {
                chosen.add(known.get(item.getText()));
            }
        }
        return chosen;
    }

    // --- querying -------------------------------------------------------------------------

    /** Sets the visible range and queries it. */
    void setRange(TimeRange newRange) {
        if (newRange != null && bounds != null) {
            range = newRange.within(bounds);
            refresh();
        }
    }

    TimeRange range() {
        return range;
    }

    /** @return the data drawn now */
    List<Series> series() {
        return series;
    }

    /** @return the plot's width in pixels for the chosen variables: the bucket count each query asks for */
    int plotWidth() {
        List<String> units = checked().stream().map(Variable::unit).distinct().toList();
        return ChartPainter.plotArea(canvas.getClientArea(), units.size()).width;
    }

    /** @return whether the chart draws the answer for the range on display (no query under way) */
    boolean upToDate() {
        return drawnGeneration == generation.get();
    }

    /**
     * Shows the visible range of the chosen variables (session mode): at once when the cache holds every
     * column; otherwise the columns it lacks are asked from the store in a job, and meanwhile a pan draws
     * the cached columns if the answer takes longer than a frame ({@link #drawSoon}) while a zoom keeps
     * the previous answer at the new scale. Redraws in live mode.
     */
    private void refresh() {
        if (liveButton.getSelection()) {
            canvas.redraw();
            return;
        }
        ClientStore source = store;
        List<Variable> chosen = checked();
        int width = plotWidth();
        if (source == null || range == null || width < 1) {
            canvas.redraw();
            return; // the control has no size yet: its first layout asks again
        }
        long ticket = generation.incrementAndGet();
        long session = sessionId;
        Grid grid = Grid.of(session, bounds, range, width);
        cache.use(grid); // a zoom, a resize or another session starts a new grid
        Columns view = grid.cover(range);
        Wanted now = new Wanted(ticket, range, chosen, grid, view);
        wanted = now;
        boolean complete = chosen.stream().allMatch(v -> cache.missing(v.categoryId(), view).isEmpty());
        boolean pan = grid.equals(shownGrid);
        if (query != null) {
            query.cancel();
        }
        if (complete) {
            draw(now, true);
            return;
        }
        if (pan) {
            drawSoon();
        } else {
            canvas.redraw(); // the previous answer at the new scale until this one arrives
        }
        query = Job.create("Querying the plot of session " + session, monitor -> {
            for (Variable variable : chosen) {
                for (Columns missing : cache.missing(variable.categoryId(), view)) {
                    if (monitor.isCanceled() || generation.get() != ticket) {
                        return Status.CANCEL_STATUS;
                    }
                    try {
                        List<Bucket> buckets = source.buckets(session, variable.categoryId(),
                                grid.time(missing.first()), grid.time(missing.end()), missing.count());
                        cache.put(grid, variable.categoryId(), missing, buckets, view);
                    } catch (RuntimeException e) {
                        onUi(() -> show("Querying session " + session + " failed: " + e.getMessage()));
                        return Status.warning("Querying session " + session + " failed", e);
                    }
                }
            }
            onUi(() -> draw(now, true));
            return Status.OK_STATUS;
        });
        query.setRule(oneQueryAtATime);
        query.setSystem(true);
        // only a zoom waits for the next wheel step; a pan's strip is small, and a new session shows at once
        query.schedule(pan || shownGrid == null ? 0 : QUERY_DELAY_MS);
    }

    /**
     * During a pan the answer for the new strip usually comes within a frame, so the chart is drawn once
     * with it; if it does not, the cached columns are drawn after {@link #PAN_FRAME_MS} (one pending
     * frame at a time, so a fast drag still shows frames).
     */
    private void drawSoon() {
        if (!framePending) {
            framePending = true;
            display.timerExec(PAN_FRAME_MS, () -> {
                framePending = false;
                if (!canvas.isDisposed() && wanted != null) {
                    draw(wanted, false);
                }
            });
        }
    }

    /** Draws what the cache holds for a range, unless a newer range was asked for or this one is drawn whole. */
    private void draw(Wanted what, boolean complete) {
        if (generation.get() != what.ticket() || drawnGeneration == what.ticket()) {
            return;
        }
        series = what.chosen().stream()
                .map(v -> new Series(v.name(), v.unit(), cache.buckets(v.categoryId(), what.view()))).toList();
        shownGrid = what.grid();
        message = null;
        if (complete) {
            drawnGeneration = what.ticket();
        }
        TimeRange asked = what.range();
        status.setText(String.format(Locale.ROOT, "%.1f s to %.1f s", asked.from() / 1000.0, asked.to() / 1000.0));
        canvas.redraw();
    }

    // --- live mode ------------------------------------------------------------------------

    private void setLive(boolean on) {
        liveButton.setSelection(on);
        generation.incrementAndGet(); // session answers still under way are no longer wanted
        series = List.of();
        markers = on ? liveMarkers : List.of();
        if (on) {
            known.clear();
            variables.removeAll();
            sessions.deselectAll();
            sessionId = -1;
            bounds = null;
            message = live == null ? "Live values are not available (no live values service is running)" : null;
            liveTick();
        } else {
            message = sessionId < 0 ? "Choose a session" : null;
        }
        canvas.redraw();
    }

    /** Reads the live history (memory, no store) and redraws, five times a second while live. */
    private void liveTick() {
        if (canvas.isDisposed() || !liveButton.getSelection()) {
            return;
        }
        LiveValues source = live;
        if (source != null) {
            List<LiveVariable> latest = source.latest();
            for (LiveVariable variable : latest) {
                if (known.putIfAbsent(variable.name(), new Variable(variable.name(), -1, variable.unit())) == null) {
                    new TableItem(variables, SWT.NONE).setText(variable.name());
                }
            }
            long newest = latest.stream().mapToLong(LiveVariable::timeMillis).max().orElse(System.currentTimeMillis());
            range = new TimeRange(newest - LIVE_WINDOW_MS, newest + 1);
            series = checked().stream().map(v -> Series.ofPoints(v.name(), v.unit(), source.history(v.name())))
                    .toList();
            message = latest.isEmpty() ? "No live values yet: connect to a logger and start a session (F5)"
                    : known.isEmpty() || !series.isEmpty() ? null : "Choose variables to plot";
            status.setText(source.source().label()); // e.g. "Replay of session 3 at 10×"; empty for the runtime
            canvas.redraw();
        }
        if (liveTicks++ % LIVE_MARKERS_EVERY == 0) {
            readLiveMarkers();
        }
        display.timerExec(LIVE_REDRAW_MS, this::liveTick);
    }

    /**
     * Adds the runtime's session starts and stops logged since the last read: only the notifications
     * after the last one read are asked for, so a read costs what is new however long the log is. Of
     * two reads that overlap (a slow store) the later answer keeps only what the earlier did not add.
     */
    private void readLiveMarkers() {
        ClientStore source = store;
        if (source == null) {
            return;
        }
        long after = lastNotificationRead;
        inJob("Reading the runtime's session starts and stops", () -> newNotifications(source, after), read -> {
            if (source != store) {
                return; // the store was replaced meanwhile
            }
            List<Notification> unseen = read.stream().filter(n -> n.id() > lastNotificationRead).toList();
            if (!unseen.isEmpty()) {
                lastNotificationRead = unseen.get(unseen.size() - 1).id();
                liveMarkers = SessionMarkers.live(liveMarkers, unseen);
            }
            if (liveButton.getSelection()) {
                markers = liveMarkers;
            }
        });
    }

    /** @return the info notifications after {@code afterId}, in id order, read page by page */
    private static List<Notification> newNotifications(ClientStore source, long afterId) {
        List<Notification> read = new ArrayList<>();
        List<Notification> page;
        long after = afterId;
        do {
            page = source.notificationsAfter(after, Notification.INFO, NOTIFICATIONS_PAGE);
            read.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == NOTIFICATIONS_PAGE);
        return read;
    }

    // --- zoom and pan ---------------------------------------------------------------------

    private long timeAt(int x) {
        Rectangle plot = ChartPainter.plotArea(canvas.getClientArea(), ChartPainter.units(series).size());
        double share = plot.width == 0 ? 0 : (x - plot.x) / (double) plot.width;
        return range.from() + Math.round(Math.max(0, Math.min(1, share)) * range.span());
    }

    private boolean zoomable() {
        return bounds != null && range != null && !liveButton.getSelection();
    }

    private void wheel(Event event) {
        if (zoomable() && event.count != 0) {
            double factor = event.count > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM;
            setRange(range.zoom(timeAt(event.x), factor, bounds));
        }
    }

    private void dragStart(Event event) {
        if (zoomable() && event.button == 1) {
            dragStartX = event.x;
            dragCurrentX = event.x;
            dragStartRange = range;
        }
    }

    private void dragMove(Event event) {
        if (dragStartX < 0) {
            return;
        }
        dragCurrentX = event.x;
        selectingZoom = (event.stateMask & SWT.SHIFT) != 0;
        if (!selectingZoom) {
            long delta = Math.round((dragStartX - event.x) * (double) dragStartRange.span() / Math.max(1, plotWidth()));
            setRange(dragStartRange.pan(delta, bounds));
        } else {
            canvas.redraw(); // the zoom span being dragged
        }
    }

    /** Names the marker under the pointer in the canvas's tooltip. */
    private void markerTooltip(Event event) {
        String text = null;
        if (range != null && dragStartX < 0) {
            Rectangle plot = ChartPainter.plotArea(canvas.getClientArea(), ChartPainter.units(series).size());
            if (event.y >= plot.y && event.y <= plot.y + plot.height) {
                text = ChartPainter.markerAt(plot, range, markers, event.x).map(Marker::label).orElse(null);
            }
        }
        if (!Objects.equals(text, canvas.getToolTipText())) {
            canvas.setToolTipText(text);
        }
    }

    /** @return the markers drawn over the chart */
    List<Marker> markers() {
        return markers;
    }

    private void dragEnd(Event event) {
        if (dragStartX >= 0 && (event.stateMask & SWT.SHIFT) != 0 && Math.abs(event.x - dragStartX) > 3) {
            long a = timeAt(dragStartX);
            long b = timeAt(event.x);
            setRange(new TimeRange(Math.min(a, b), Math.max(Math.max(a, b), Math.min(a, b) + TimeRange.MIN_SPAN)));
        }
        dragStartX = -1;
        selectingZoom = false;
        canvas.redraw();
    }

    // --- drawing and export ---------------------------------------------------------------

    private void paint(GC gc, Rectangle area) {
        TimeRange shown = range != null ? range : new TimeRange(0, 100_000);
        boolean liveMode = liveButton.getSelection();
        ChartPainter.paint(gc, area, shown, liveMode ? shown.to() : 0,
                liveMode ? "Time (s, 0 = latest value)" : "Time Logged (s)", series, markers, message);
        if (selectingZoom) {
            gc.setAlpha(60);
            gc.setBackground(display.getSystemColor(SWT.COLOR_GRAY));
            gc.fillRectangle(Math.min(dragStartX, dragCurrentX), area.y, Math.abs(dragCurrentX - dragStartX),
                    area.height);
            gc.setAlpha(255);
        }
    }

    /** @return the chart as drawn now, at the canvas's size */
    ImageData snapshot() {
        Rectangle area = canvas.getClientArea();
        Image image = new Image(display, Math.max(1, area.width), Math.max(1, area.height));
        try {
            GC gc = new GC(image);
            try {
                paint(gc, new Rectangle(0, 0, area.width, area.height));
            } finally {
                gc.dispose();
            }
            return image.getImageData();
        } finally {
            image.dispose();
        }
    }

    /** Writes the chart as drawn now to a PNG file. */
    void exportPng(Path file) {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { snapshot() };
        loader.save(file.toString(), SWT.IMAGE_PNG);
    }

    private void askAndExport() {
        FileDialog dialog = new FileDialog(canvas.getShell(), SWT.SAVE);
        dialog.setText("Export the plot");
        dialog.setFilterExtensions(new String[] { "*.png" });
        dialog.setFileName(sessionId >= 0 ? "session-" + sessionId + ".png" : "live.png");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            try {
                exportPng(Path.of(chosen));
            } catch (RuntimeException e) {
                MessageDialog.openError(canvas.getShell(), "Export PNG", "Could not write " + chosen + ": " + e.getMessage());
            }
        }
    }

    private void show(String text) {
        message = text;
        series = List.of();
        if (canvas != null && !canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    // --- threads --------------------------------------------------------------------------

    /** Computes in a system job and hands the value to the UI thread; a failure is shown in the chart. */
    private <T> void inJob(String name, Supplier<T> work, Consumer<T> onUi) {
        Job job = Job.create(name, monitor -> {
            try {
                T value = work.get();
                onUi(() -> onUi.accept(value));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                onUi(() -> show(name + " failed: " + e.getMessage()));
                return Status.warning(name + " failed", e);
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    private void onUi(Runnable task) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!canvas.isDisposed()) {
                    task.run();
                }
            });
        }
    }

    @PreDestroy
    void dispose() {
        generation.incrementAndGet();
        if (query != null) {
            query.cancel();
        }
    }
}
