// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import blitz.model.Session;
import blitz.model.client.ClientStore;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import blitz.ui.charts.model.SessionMarkers.Marker;
import blitz.ui.variables.VariableLook;

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

        /** Lists the variables to tick (in the board's order), these ones ticked. */
        void variables(List<Variable> shown, List<String> ticked);

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
    private final PlotVariables variables = new PlotVariables();
    private long sessionId = -1;
    /** The session shown before live mode, opened again when live mode ends. */
    private long lastSessionId = -1;
    private TimeAxis timeAxis = TimeAxis.SECONDS;
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
                screen.status(timeAxis.label(asked.from(), origin()) + " to " + timeAxis.label(asked.to(), origin()));
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
        screen.sessions(available.stream().map(OpenedSession::label).toList());
        selectShownSession();
        if (!liveMode && sessionId < 0) {
            if (available.isEmpty()) {
                show(NO_SESSIONS);
            } else {
                showSession(available.get(0).refId()); // the newest
            }
        }
    }

    /** The session at {@code index} of the list was chosen. */
    public void chooseSession(int index) {
        if (index >= 0 && index < shownSessions.size()) {
            showSession(shownSessions.get(index).refId());
        }
    }

    /** Opens a session: lists its variables (the ticked ones kept) and shows its whole time range. */
    public void showSession(long id) {
        ClientStore source = store.get();
        DecoderRegistry units = registry.get();
        if (source == null) {
            return;
        }
        lastSessionId = -1;
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
        variables.open(opened.variables());
        screen.variables(variables.listed(), variables.tickedNames());
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
        variables.tick(names);
        refresh();
    }

    /** @return the ticked variables, in the list's order */
    public List<Variable> chosen() {
        return variables.ticked();
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
            variables.clear(); // the ticked ones stay ticked as their live values arrive
            screen.variables(List.of(), variables.tickedNames());
            screen.selectSession(-1);
            lastSessionId = sessionId >= 0 ? sessionId : lastSessionId;
            sessionId = -1;
            bounds = null;
            message = live.get() == null ? NO_LIVE_VALUES : null;
            liveTick();
        } else if (sessionId < 0 && lastSessionId >= 0) {
            showSession(lastSessionId); // back from live mode
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
            if (variables.addLive(latest, VariableLook.of(registry.get()))) {
                screen.variables(variables.listed(), variables.tickedNames());
            }
            long newest = latest.stream().mapToLong(LiveVariable::timeMillis).max().orElse(System.currentTimeMillis());
            range = new TimeRange(newest - LIVE_WINDOW_MS, newest + 1);
            series = chosen().stream().map(v -> Series.ofPoints(v, source.history(v.name()))).toList();
            message = latest.isEmpty() ? "No live values yet: connect to a logger and start a session (F5)"
                    : variables.isEmpty() || !series.isEmpty() ? null : "Choose variables to plot";
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

    // --- the time axis -------------------------------------------------------------------

    /** @return what the x axis counts: seconds or the clock */
    public TimeAxis timeAxis() {
        return timeAxis;
    }

    public void setTimeAxis(TimeAxis axis) {
        timeAxis = axis;
        screen.redraw();
    }

    /** @return the time shown as 0 s: the session's start, or in live mode the latest value */
    public long origin() {
        if (liveMode || bounds == null) {
            return range == null ? 0 : range.to();
        }
        return bounds.from();
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
