// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import blitz.model.Session;
import blitz.model.client.ClientStore;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import blitz.ui.charts.model.SessionMarkers.Marker;

/**
 * What the Plot shows, without SWT: the downloaded sessions, the variables of the one open and the
 * chosen ones, the visible time range inside the session's bounds with its zoom and pan steps, the
 * series drawn and the markers over them, or a message instead. A session's series come from the store
 * through the {@link SeriesRequester} (one bucket per pixel column); live mode reads
 * {@link LiveValues#history} of the chosen variables over the last minute five times a second, adds
 * the live variables as they appear, and follows the runtime's session starts and stops
 * ({@link LiveMarkerFeed}). Called on the UI thread; the {@link Screen} shows what it decides.
 */
public final class PlotModel {
    static final String NO_STORE = "The client store is not available";
    static final String NO_SESSIONS = "No downloaded session yet: download one, or press Live";
    static final String CHOOSE_SESSION = "Choose a session";
    static final String NO_LIVE_VALUES = "Live values are not available (no live values service is running)";
    public static final long LIVE_WINDOW_MS = 60_000;
    static final int LIVE_REDRAW_MS = 200;
    /** Live mode reads the runtime's session starts and stops from the notifications this often. */
    static final int LIVE_MARKERS_EVERY = 5;
    static final double WHEEL_ZOOM = 0.8;

    /** What the view shows for the model, on the UI thread. */
    public interface Screen {
        /** Lists the sessions to choose from (nothing chosen). */
        void sessions(List<String> labels);

        /** Shows the session at {@code index} of the list as chosen ({@code -1}: none). */
        void selectSession(int index);

        /** Lists the variables to tick, these ones ticked. */
        void variables(List<String> names, List<String> ticked);

        /** Adds a variable to the list, not ticked. */
        void addVariable(String name);

        /** Shows whether live mode is on. */
        void live(boolean on);

        /** Says what is on display (the range, or where live values come from). */
        void status(String text);

        /** @return the plot's width in pixels with {@code axes} y axes */
        int plotWidth(int axes);

        void redraw();
    }

    private final Supplier<ClientStore> store;
    private final Supplier<LiveValues> live;
    private final Supplier<DecoderRegistry> registry;
    private final PlotScheduler scheduler;
    private final Screen screen;
    private final SeriesRequester requests;
    private final LiveMarkerFeed liveMarkers;

    private List<Session> shownSessions = List.of();
    private final Map<String, Variable> known = new LinkedHashMap<>();
    private List<String> chosen = List.of();
    private long sessionId = -1;
    private boolean liveMode;
    private int liveTicks;
    private TimeRange bounds;
    private TimeRange range;
    private List<Series> series = List.of();
    private List<Marker> markers = List.of();
    private String message = NO_SESSIONS;

    public PlotModel(Supplier<ClientStore> store, Supplier<LiveValues> live, Supplier<DecoderRegistry> registry,
            PlotScheduler scheduler, Screen screen) {
        this.store = store;
        this.live = live;
        this.registry = registry;
        this.scheduler = scheduler;
        this.screen = screen;
        this.requests = new SeriesRequester(scheduler, new SeriesRequester.Chart() {
            @Override
            public void draw(TimeRange asked, List<Series> answer) {
                series = answer;
                message = null;
                screen.status(String.format(Locale.ROOT, "%.1f s to %.1f s", asked.from() / 1000.0, asked.to() / 1000.0));
                screen.redraw();
            }

            @Override
            public void redraw() {
                screen.redraw();
            }

            @Override
            public void failed(String text) {
                show(text);
            }
        });
        this.liveMarkers = new LiveMarkerFeed(scheduler);
    }

    // --- sessions and variables -----------------------------------------------------------

    /** Another store (or none): what was read from the last one says nothing about it. */
    public void storeChanged() {
        requests.forget();
        liveMarkers.reset();
        loadSessions();
    }

    /** Lists the store's downloaded sessions, newest first. */
    public void loadSessions() {
        ClientStore source = store.get();
        if (source == null) {
            show(NO_STORE);
            return;
        }
        load("Listing downloaded sessions", () -> source.all(Session.class).stream().filter(Session::available)
                .sorted(Comparator.comparingLong(Session::refId).reversed()).toList(), this::showSessions);
    }

    private void showSessions(List<Session> available) {
        shownSessions = List.copyOf(available);
        screen.sessions(available.stream().map(s -> "Session " + s.refId()).toList());
        selectShownSession();
        if (!liveMode && sessionId < 0) {
            show(available.isEmpty() ? NO_SESSIONS : CHOOSE_SESSION);
        }
    }

    /** The session at {@code index} of the list was chosen. */
    public void chooseSession(int index) {
        if (index >= 0 && index < shownSessions.size()) {
            showSession(shownSessions.get(index).refId());
        }
    }

    /** Opens a session: lists its variables (the first one ticked) and shows its whole time range. */
    public void showSession(long id) {
        ClientStore source = store.get();
        DecoderRegistry units = registry.get();
        if (source == null) {
            return;
        }
        setLive(false);
        load("Opening session " + id, () -> OpenedSession.read(source, units, id), this::opened);
    }

    private void opened(OpenedSession opened) {
        sessionId = opened.id();
        selectShownSession();
        markers = opened.markers();
        requests.forget(); // its readings may have changed since (a re-decode)
        bounds = opened.bounds();
        range = bounds;
        known.clear();
        opened.variables().forEach(variable -> known.put(variable.name(), variable));
        chosen = known.keySet().stream().limit(1).toList();
        screen.variables(List.copyOf(known.keySet()), chosen);
        refresh();
    }

    private void selectShownSession() {
        int index = shownSessions.stream().map(Session::refId).toList().indexOf(sessionId);
        if (index >= 0) {
            screen.selectSession(index);
        }
    }

    /** The ticked variables changed. */
    public void choose(List<String> names) {
        chosen = List.copyOf(names);
        refresh();
    }

    /** @return the ticked variables, in the list's order */
    public List<Variable> chosen() {
        return known.values().stream().filter(variable -> chosen.contains(variable.name())).toList();
    }

    /** @return the number of y axes the chosen variables need: one per unit */
    public int axes() {
        return (int) chosen().stream().map(Variable::unit).distinct().count();
    }

    // --- the visible range ----------------------------------------------------------------

    /** Shows {@code newRange}, kept inside the session's bounds (session mode). */
    public void setRange(TimeRange newRange) {
        if (newRange != null && bounds != null) {
            range = newRange.within(bounds);
            refresh();
        }
    }

    /** @return whether the range can be zoomed and panned: a session is open, not live */
    public boolean zoomable() {
        return bounds != null && range != null && !liveMode;
    }

    /** Zooms around {@code anchor}: in for a positive wheel count, out for a negative one. */
    public void zoom(long anchor, int wheelCount) {
        if (zoomable() && wheelCount != 0) {
            setRange(range.zoom(anchor, wheelCount > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, bounds));
        }
    }

    /** Pans to {@code from} moved by a drag of {@code pixels} (positive: to the left, later) over the plot. */
    public void pan(TimeRange from, int pixels) {
        if (zoomable()) {
            setRange(from.pan(from.across(pixels, requestWidth()), bounds));
        }
    }

    /** Shows the whole session again. */
    public void showAll() {
        setRange(bounds);
    }

    /**
     * Shows the visible range of the chosen variables (session mode), asking the store for what is not
     * cached; redraws in live mode.
     */
    public void refresh() {
        if (liveMode) {
            screen.redraw();
            return;
        }
        ClientStore source = store.get();
        int width = requestWidth();
        if (source == null || range == null || width < 1) {
            screen.redraw();
            return; // the control has no size yet: its first layout asks again
        }
        requests.request(source::buckets, sessionId, bounds, range, chosen(), width);
    }

    /** @return the plot's width in pixels for the chosen variables: the bucket count each query asks for */
    public int requestWidth() {
        return screen.plotWidth(axes());
    }

    /** @return whether the chart draws the answer for the range on display (no query under way) */
    public boolean upToDate() {
        return requests.upToDate();
    }

    // --- live mode ------------------------------------------------------------------------

    /** Switches live mode on (the live values of the last minute) or off (back to choosing a session). */
    public void setLive(boolean on) {
        liveMode = on;
        screen.live(on);
        requests.cancel(); // session answers still under way are no longer wanted
        series = List.of();
        markers = on ? liveMarkers.markers() : List.of();
        if (on) {
            known.clear();
            chosen = List.of();
            screen.variables(List.of(), List.of());
            screen.selectSession(-1);
            sessionId = -1;
            bounds = null;
            message = live.get() == null ? NO_LIVE_VALUES : null;
            liveTick();
        } else {
            message = sessionId < 0 ? CHOOSE_SESSION : null;
        }
        screen.redraw();
    }

    /** Reads the live history (memory, no store) and redraws, five times a second while live. */
    void liveTick() {
        if (!liveMode) {
            return;
        }
        LiveValues source = live.get();
        if (source != null) {
            List<LiveVariable> latest = source.latest();
            for (LiveVariable variable : latest) {
                if (known.putIfAbsent(variable.name(), new Variable(variable.name(), -1, variable.unit())) == null) {
                    screen.addVariable(variable.name());
                }
            }
            long newest = latest.stream().mapToLong(LiveVariable::timeMillis).max().orElse(System.currentTimeMillis());
            range = new TimeRange(newest - LIVE_WINDOW_MS, newest + 1);
            series = chosen().stream().map(v -> Series.ofPoints(v.name(), v.unit(), source.history(v.name())))
                    .toList();
            message = latest.isEmpty() ? "No live values yet: connect to a logger and start a session (F5)"
                    : known.isEmpty() || !series.isEmpty() ? null : "Choose variables to plot";
            screen.status(source.source().label()); // e.g. "Replay of session 3 at 10×"; empty for the runtime
            screen.redraw();
        }
        if (liveTicks++ % LIVE_MARKERS_EVERY == 0) {
            readLiveMarkers();
        }
        scheduler.onUi(LIVE_REDRAW_MS, this::liveTick);
    }

    private void readLiveMarkers() {
        ClientStore source = store.get();
        if (source != null) {
            liveMarkers.read(source, read -> {
                if (liveMode) {
                    markers = read;
                }
            }, failure("Reading the runtime's session starts and stops"));
        }
    }

    // --- what is drawn --------------------------------------------------------------------

    /** @return the visible range, or null before anything was shown */
    public TimeRange range() {
        return range;
    }

    /** @return the data drawn now */
    public List<Series> series() {
        return series;
    }

    /** @return the markers drawn over the chart */
    public List<Marker> markers() {
        return markers;
    }

    /** @return what the chart says instead of data, or null */
    public String message() {
        return message;
    }

    public boolean live() {
        return liveMode;
    }

    /** @return the open session's id, or -1 */
    public long sessionId() {
        return sessionId;
    }

    /** The view is gone: answers under way are dropped, live mode stops. */
    public void dispose() {
        liveMode = false;
        requests.cancel();
    }

    private void show(String text) {
        message = text;
        series = List.of();
        screen.redraw();
    }

    private <T> void load(String name, Supplier<T> work, Consumer<T> then) {
        scheduler.load(name, work, then, failure(name));
    }

    private Consumer<RuntimeException> failure(String name) {
        return e -> show(name + " failed: " + e.getMessage());
    }
}
