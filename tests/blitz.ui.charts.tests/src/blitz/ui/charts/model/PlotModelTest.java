// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import blitz.model.client.Bucket;
import blitz.model.sync.LiveVariable;
import blitz.testing.swt.LiveFeed;
import blitz.ui.charts.model.FakeStore.Query;
import blitz.ui.charts.model.SessionMarkers.Kind;

/**
 * The plot model without a display: which buckets it asks the store for as the range moves, which
 * answers it draws, and how live mode merges new variables and values. The store is a fake of one
 * session spanning 100 s; the plot is 100 pixels wide, so a whole-session column is 1 s.
 */
class PlotModelTest {
    private static final long SPAN = 100_000;
    private static final int WIDTH = 100;

    /** The view as the model sees it: what it was told to show. */
    private static final class Screen implements PlotModel.Screen {
        final List<String> variables = new ArrayList<>();
        final List<String> ticked = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();
        final List<String> sessions = new ArrayList<>();
        boolean live;

        @Override
        public void sessions(List<String> labels) {
            sessions.clear();
            sessions.addAll(labels);
        }

        @Override
        public void selectSession(int index) {
        }

        @Override
        public void variables(List<Variable> shown, List<String> checked) {
            variables.clear();
            shown.forEach(variable -> variables.add(variable.name()));
            ticked.clear();
            ticked.addAll(checked);
        }

        @Override
        public void live(boolean on) {
            live = on;
        }

        @Override
        public void status(String text) {
            statuses.add(text);
        }

        @Override
        public int plotWidth(int axes) {
            return WIDTH;
        }

        @Override
        public void redraw() {
        }
    }

    private final FakeStore fake = new FakeStore(SPAN);
    private final ManualScheduler scheduler = new ManualScheduler();
    private final Screen screen = new Screen();
    private final LiveFeed live = new LiveFeed();
    private final PlotModel model = new PlotModel(fake::store, () -> live, () -> null, scheduler, screen);

    private PlotModel opened() {
        model.showSession(FakeStore.SESSION);
        scheduler.settle();
        return model;
    }

    @Test
    void opensASessionWithItsFirstVariableTickedAndOneBucketPerPixelColumn() {
        opened();
        assertEquals(List.of("voltage"), screen.variables);
        assertEquals(List.of("voltage"), screen.ticked);
        assertEquals(new TimeRange(0, SPAN), model.range());
        assertEquals(List.of(new Query(0, SPAN, WIDTH)), fake.queries);
        assertEquals(WIDTH, model.series().get(0).buckets().size());
        assertEquals(List.of(Kind.START, Kind.STOP), model.markers().stream().map(m -> m.kind()).toList());
        assertTrue(model.upToDate());
    }

    @Test
    void aPanAsksOnlyForTheColumnsThatCameIntoView() {
        opened().setRange(new TimeRange(0, 10_000));
        scheduler.settle();
        assertEquals(new Query(0, 10_000, WIDTH), last(), "a zoom asks for the whole view");

        model.pan(model.range(), 10); // dragged 10 pixels to the left: 10 columns of 100 ms later
        scheduler.settle();
        assertEquals(new TimeRange(1_000, 11_000), model.range());
        assertEquals(new Query(10_000, 11_000, 10), last(), "a pan asks only for the new columns");
        List<Bucket> drawn = model.series().get(0).buckets();
        assertEquals(WIDTH, drawn.size());
        assertEquals(1_000, drawn.get(0).startTime());

        int before = fake.queries.size();
        model.pan(model.range(), -10);
        scheduler.settle();
        assertEquals(before, fake.queries.size(), "panning back draws from the cache");
        assertEquals(0, model.series().get(0).buckets().get(0).startTime());
    }

    @Test
    void anAnswerForARangeNoLongerWantedIsDropped() {
        opened().setRange(new TimeRange(0, 10_000));
        model.setRange(new TimeRange(50_000, 60_000)); // before the first query ran
        scheduler.settle();
        assertEquals(new Query(50_000, 60_000, WIDTH), last());
        assertFalse(fake.queries.contains(new Query(0, 10_000, WIDTH)), "the replaced query never reached the store");
        assertEquals(50_000, model.series().get(0).buckets().get(0).startTime());
    }

    @Test
    void anAnswerFromTheStoreBeforeAStoreChangeIsDropped() {
        opened().setRange(new TimeRange(20_000, 30_000));
        scheduler.runBackground(); // the store answered; the answer waits for the UI thread
        model.storeChanged();
        int statuses = screen.statuses.size();
        scheduler.runUi();
        assertEquals(statuses, screen.statuses.size(), "the answer was drawn");
        assertEquals(0, model.series().get(0).buckets().get(0).startTime(), "the series drawn before stay");
        assertFalse(model.upToDate());
    }

    @Test
    void theWheelZoomsAroundThePointerInsideTheSession() {
        opened().zoom(25_000, 1);
        assertEquals(new TimeRange(5_000, 85_000), model.range(), "in by a fifth, 25 s staying where it was");
        model.zoom(25_000, -1);
        assertEquals(new TimeRange(0, SPAN), model.range(), "out again, never beyond the session");
        model.pan(model.range(), -500);
        assertEquals(new TimeRange(0, SPAN), model.range(), "the whole session does not pan");
    }

    @Test
    void liveModeAddsNewVariablesOnceAndPlotsTheTickedOnesOverTheLastMinute() {
        long now = 1_800_000_000_000L;
        live.publish(new LiveVariable("a", "V", 1, now, 8));
        live.setHistory("a", new double[] { now - 1_000, 1, now, 2 });
        model.setLive(true);
        assertTrue(screen.live);
        assertEquals(List.of("a"), screen.variables);
        assertTrue(model.series().isEmpty());
        assertEquals("Choose variables to plot", model.message());

        live.publish(new LiveVariable("b", "A", 2, now + 200, 8));
        live.publish(new LiveVariable("a", "V", 3, now + 200, 8));
        model.choose(List.of("a"));
        scheduler.runBackground();
        scheduler.runUi(); // the next tick
        assertEquals(List.of("a", "b"), screen.variables, "each variable listed once");
        assertEquals(new TimeRange(now + 200 - PlotModel.LIVE_WINDOW_MS, now + 201), model.range());
        assertEquals(1, model.series().size());
        assertEquals(2, model.series().get(0).buckets().size());
        assertEquals(null, model.message());

        model.setLive(false);
        assertTrue(model.series().isEmpty());
        assertEquals(PlotModel.CHOOSE_SESSION, model.message());
    }

    @Test
    void theNewestSessionOpensWithItsDateAndTheTicksSurviveLiveMode() {
        model.loadSessions();
        scheduler.settle();
        assertEquals(FakeStore.SESSION, model.sessionId(), "the newest session is opened");
        assertTrue(screen.sessions.get(0).matches("Session 7 \u2014 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"),
                screen.sessions.get(0));
        assertTrue(screen.statuses.get(screen.statuses.size() - 1).startsWith("0.000 s to 100.000 s"),
                "the range in seconds from the session's start, never epoch seconds: " + screen.statuses);

        long now = 1_800_000_000_000L;
        live.publish(new LiveVariable("other", "", 1, now, 8));
        live.publish(new LiveVariable("voltage", "V", 1, now, 8));
        model.setLive(true);
        assertEquals(List.of("voltage"), screen.ticked, "the ticked variable stays ticked in live mode");
        assertEquals(List.of("voltage"), model.chosen().stream().map(Variable::name).toList());

        model.setLive(false);
        scheduler.settle();
        assertEquals(FakeStore.SESSION, model.sessionId(), "back to the session shown before");
        assertEquals(List.of("voltage"), screen.ticked);
    }

    @Test
    void liveMarkersReadOnlyWhatIsNewAndDropAnswersFromAReplacedStore() {
        LiveMarkerFeed feed = new LiveMarkerFeed(scheduler);
        List<List<SessionMarkers.Marker>> shown = new ArrayList<>();
        fake.log(1, 1_000, "Runtime tcp://127.0.0.1:8999: Session 5 started");
        fake.log(2, 1_500, "Runtime connection reconnecting: gone");
        feed.read(fake.store(), shown::add, e -> {
            throw e;
        });
        scheduler.settle();
        fake.log(3, 2_000, "Runtime tcp://127.0.0.1:8999: Session 5 stopped");
        feed.read(fake.store(), shown::add, e -> {
            throw e;
        });
        scheduler.settle();
        assertEquals(List.of(0L, 2L), fake.notificationReads, "the second read asks after the last id read");
        assertEquals(List.of("Session 5 started", "Session 5 stopped"),
                feed.markers().stream().map(m -> m.label()).toList());

        fake.log(4, 3_000, "Runtime tcp://127.0.0.1:8999: Session 6 started");
        feed.read(fake.store(), shown::add, e -> {
            throw e;
        });
        scheduler.runBackground();
        feed.reset(); // another store came meanwhile
        scheduler.runUi();
        assertTrue(feed.markers().isEmpty(), "an answer of the replaced store was added");
        assertEquals(2, shown.size());
    }

    private Query last() {
        return fake.queries.get(fake.queries.size() - 1);
    }
}
