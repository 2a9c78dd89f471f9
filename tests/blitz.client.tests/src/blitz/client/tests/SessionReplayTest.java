// SPDX-License-Identifier: EPL-2.0
package blitz.client.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import blitz.client.alarms.AlarmRule;
import blitz.client.alarms.AlarmService;
import blitz.client.alarms.AlarmState;
import blitz.client.replay.ReplayState;
import blitz.client.replay.ReplayState.Phase;
import blitz.client.replay.SessionReplay;
import blitz.model.Notification;
import blitz.model.Session;
import blitz.model.client.ClientStore;
import blitz.model.client.ReadingBatch;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.VariableSpec;
import blitz.model.sync.LiveSource;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import blitz.model.decoder.DecoderRegistry;
import blitz.testing.Osgi;

/**
 * Replay of sessions stored in the real client store (Derby, in memory) through the real live values
 * service. Timings are checked as ratios to the session's span divided by the speed, with wide bounds:
 * the build machine is shared.
 */
class SessionReplayTest {
    private static final long SESSION_START = 1_700_000_000_000L;
    private static ClientStore store;
    private static LiveValues live;
    private static SessionReplay replay;
    private static LoggerConnection connection;
    /** A variable of a real board with a unit, to see that replayed values carry their board and unit. */
    private static String oneName;
    private static int oneBoard;
    private static String oneUnit;
    private static long one;
    private static long other;
    private static long sessionId = 500;

    /** Values the live values service gave its subscribers, in order. */
    private final List<LiveVariable> seen = new CopyOnWriteArrayList<>();
    private final List<ReplayState> states = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    @BeforeAll
    static void services() throws Exception {
        connection = ClientServices.configuredConnection();
        store = ClientServices.inMemoryStore();
        live = Osgi.await(LiveValues.class);
        replay = Osgi.await(SessionReplay.class);
        BoardDecoder decoder = Osgi.await(DecoderRegistry.class).decoders().stream()
                .filter(d -> d.variables().stream().anyMatch(v -> !v.unit().isEmpty())).findFirst().orElseThrow();
        VariableSpec spec = decoder.variables().stream().filter(v -> !v.unit().isEmpty()).findFirst().orElseThrow();
        oneName = spec.name();
        oneBoard = decoder.boardId();
        oneUnit = Osgi.await(DecoderRegistry.class).calibration(oneName).unit();
        one = store.getOrCreateCategory(oneName);
        other = store.getOrCreateCategory("replay_test_other");
    }

    @AfterEach
    void stopReplay() throws Exception {
        replay.stop();
        for (AutoCloseable subscription : subscriptions) {
            subscription.close();
        }
        connection.disconnect();
    }

    private void watch() {
        subscriptions.add(live.subscribe(seen::addAll));
        subscriptions.add(replay.subscribe(states::add));
    }

    /**
     * Stores a session whose two variables take turns every {@code stepMs}: {@link #oneName} at even
     * steps with value = step, the other at odd steps with value = -step; readings are added out of order.
     */
    private static void storeSession(long sessionId, int steps, long stepMs) {
        store.add(new Session(null, sessionId, true, SESSION_START, SESSION_START + steps * stepMs, steps));
        ReadingBatch batch = new ReadingBatch(steps);
        for (int step = steps - 1; step >= 0; step--) {
            batch.add(step * stepMs, step % 2 == 0 ? one : other, step % 2 == 0 ? step : -step);
        }
        store.addReadings(sessionId, batch);
    }

    private static long newSession(int steps, long stepMs) {
        sessionId++;
        storeSession(sessionId, steps, stepMs);
        return sessionId;
    }

    private static ReplayState waitForPhase(Phase phase, long timeoutMs) throws InterruptedException {
        assertTrue(Osgi.waitFor(() -> replay.state().phase() == phase, timeoutMs),
                "expected " + phase + ", state " + replay.state());
        return replay.state();
    }

    private long timedReplay(long session, double speed) throws InterruptedException {
        long start = System.nanoTime();
        replay.start(session, speed);
        waitForPhase(Phase.FINISHED, 60_000);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void shouldReplayEveryReadingInOrderWithItsGapsAtOneAndTenTimes() throws Exception {
        watch();
        // 1×: 16 readings 200 ms apart (3 s); each variable every 400 ms, slower than the 50 ms coalescing
        long slow = newSession(16, 200);
        long elapsedSlow = timedReplay(slow, 1);
        checkEveryReadingInOrder(slow, 16);
        assertEquals(new LiveSource(true, slow, 1, true), live.source());
        assertEquals("Replay of session " + slow + " at 1×, finished", live.source().label());

        // 10×: 20 readings 1.5 s apart (28.5 s of session in about 2.85 s); each variable every 300 ms of
        // wall time, so a stall of the loaded machine shorter than that coalesces nothing
        seen.clear();
        long fast = newSession(20, 1500);
        long elapsedFast = timedReplay(fast, 10);
        checkEveryReadingInOrder(fast, 20);

        double ratioSlow = elapsedSlow / 3000.0;
        double ratioFast = elapsedFast / 2850.0;
        System.out.printf("replay took %d ms for 3000 ms at 1× (ratio %.2f), %d ms for 28500 ms at 10× (ratio %.2f),"
                + " loaded machine%n", elapsedSlow, ratioSlow, elapsedFast, ratioFast);
        assertTrue(ratioSlow >= 0.95 && ratioSlow < 1.8, "1×: " + elapsedSlow + " ms for a 3000 ms session");
        assertTrue(ratioFast >= 0.95 && ratioFast < 1.8, "10×: " + elapsedFast + " ms for 28500 ms of session");
    }

    private void checkEveryReadingInOrder(long session, int steps) {
        assertEquals(steps, replay.state().delivered(), "every reading counted");
        assertEquals(session, replay.state().sessionId());
        assertEquals(steps, seen.size(), "every value shown (none coalesced at this pace): " + seen);
        for (int step = 0; step < steps; step++) {
            LiveVariable value = seen.get(step);
            assertEquals(step % 2 == 0 ? oneName : "replay_test_other", value.name(), "order at " + step);
            assertEquals(step % 2 == 0 ? step : -step, value.value(), "value at " + step);
        }
        long stepMs = (seen.get(1).timeMillis() - seen.get(0).timeMillis());
        assertEquals(SESSION_START + (steps - 1) * stepMs, seen.get(steps - 1).timeMillis(),
                "shown at the session's own times");
        assertEquals(lastOf(steps), latestValues(), "the last values stay shown");
        LiveVariable shown = live.latest().stream().filter(v -> v.name().equals(oneName)).findFirst().orElseThrow();
        assertEquals(oneUnit, shown.unit(), "the unit the board's decoder gives");
        assertEquals(oneBoard, shown.boardId(), "the board whose decoder has the variable");
    }

    private static Map<String, Double> latestValues() {
        Map<String, Double> latest = new HashMap<>();
        live.latest().forEach(variable -> latest.put(variable.name(), variable.value()));
        return latest;
    }

    /** @return the last value of each variable in a session made by {@link #storeSession} */
    private static Map<String, Double> lastOf(int steps) {
        int lastEven = (steps - 1) % 2 == 0 ? steps - 1 : steps - 2;
        int lastOdd = (steps - 1) % 2 == 1 ? steps - 1 : steps - 2;
        return Map.of(oneName, (double) lastEven, "replay_test_other", (double) -lastOdd);
    }

    @Test
    void shouldCoalesceToAboutTwentyValuesASecondPerVariableAtAHundredTimes() throws Exception {
        watch();
        // 20 000 readings 5 ms apart: 100 s of session, 1 s at 100×, 200 values a second per variable
        long dense = newSession(20_000, 5);
        long elapsed = timedReplay(dense, 100);
        assertEquals(20_000, replay.state().delivered(), "every reading replayed");
        long shownOne = seen.stream().filter(v -> v.name().equals(oneName)).count();
        System.out.printf("100×: %d ms for 100 s of session, %d of 10000 values of one variable shown%n", elapsed,
                shownOne);
        assertTrue(shownOne >= 5 && shownOne <= elapsed / SessionReplay.MIN_UPDATE_INTERVAL_MS + 3,
                shownOne + " values of one variable shown in " + elapsed + " ms");
        assertEquals(lastOf(20_000), latestValues(), "the last values are shown");
        double ratio = elapsed / 1000.0;
        assertTrue(ratio >= 0.95 && ratio < 3, "100×: " + elapsed + " ms for 100 s of session");
    }

    /** A session far denser than the pace allows: the replay reads as fast as it can, without sleeping. */
    @Test
    void shouldCatchUpWithoutSleepingWhenBehind() throws Exception {
        watch();
        int steps = 100_000; // 100 000 readings in 2 s of session: 20 ms at 100×
        sessionId++;
        store.add(new Session(null, sessionId, true, SESSION_START, SESSION_START + 2000, steps));
        ReadingBatch batch = new ReadingBatch(steps);
        for (int step = 0; step < steps; step++) {
            batch.add(step / 50, step % 2 == 0 ? one : other, step % 2 == 0 ? step : -step);
        }
        store.addReadings(sessionId, batch);
        long elapsed = timedReplay(sessionId, 100);
        assertEquals(steps, replay.state().delivered());
        assertEquals(lastOf(steps), latestValues(), "the last values are shown");
        long shownOne = seen.stream().filter(v -> v.name().equals(oneName)).count();
        System.out.printf("catching up: %d readings in %d ms (%.0f readings/s, loaded machine), %d values of one"
                + " variable shown%n", steps, elapsed, steps * 1000.0 / elapsed, shownOne);
        assertTrue(shownOne <= elapsed / SessionReplay.MIN_UPDATE_INTERVAL_MS + 3,
                shownOne + " values of one variable shown in " + elapsed + " ms");
    }

    /** A replay is history: its values out of an alarm's range raise no alarm and no notification. */
    @Test
    void shouldRaiseNoAlarmForReplayedValues() throws Exception {
        AlarmService alarms = Osgi.await(AlarmService.class);
        List<AlarmRule> before = alarms.rules();
        long notificationsBefore = store.all(Notification.class).size();
        alarms.setRules(List.of(new AlarmRule("replay_test_other", -5, 5, 0, Notification.ERROR, true)));
        try {
            long session = newSession(40, 20); // the other variable goes down to -39
            replay.start(session, 10);
            waitForPhase(Phase.FINISHED, 10_000);
            assertEquals(-39.0, latestValues().get("replay_test_other"), "the values below the alarm's range shown");
            assertEquals(Optional.of(AlarmState.UNKNOWN), alarms.state("replay_test_other"),
                    "the alarm saw no replayed value");
            Thread.sleep(300); // notifications are written by a thread of their own
            assertEquals(notificationsBefore, store.all(Notification.class).size(), "no alarm notification");
        } finally {
            alarms.setRules(before);
        }
    }

    @Test
    void shouldPauseResumeSeekAndStop() throws Exception {
        watch();
        long session = newSession(100, 100); // 10 s at 1×
        replay.start(session, 1);
        assertEquals("Replay of session " + session + " at 1×", live.source().label());
        assertTrue(Osgi.waitFor(() -> replay.state().delivered() >= 5, 5_000), "" + replay.state());
        replay.pause();
        ReplayState paused = waitForPhase(Phase.PAUSED, 1_000);
        Thread.sleep(100); // values held back when the pause came are shown now
        int shown = seen.size();
        Thread.sleep(500);
        assertEquals(paused.delivered(), replay.state().delivered(), "nothing replayed while paused");
        assertEquals(paused.position(), replay.state().position(), "the position holds");
        assertEquals(shown, seen.size(), "nothing shown while paused");

        replay.resume();
        assertTrue(Osgi.waitFor(() -> replay.state().delivered() > paused.delivered() + 2, 5_000), "" + replay.state());
        assertTrue(replay.state().position() >= paused.position());

        replay.setSpeed(5);
        assertEquals("Replay of session " + session + " at 5×", live.source().label());
        replay.seek(8_000);
        assertTrue(Osgi.waitFor(() -> replay.state().delivered() >= 1, 5_000), "" + replay.state());
        assertTrue(live.latest().stream().allMatch(v -> v.timeMillis() >= SESSION_START + 8_000),
                "after a seek only values from there on: " + live.latest());
        waitForPhase(Phase.FINISHED, 10_000);
        assertEquals(20, replay.state().delivered(), "the readings from 8.0 s to 9.9 s");
        replay.seek(9_500);
        assertEquals(Phase.PAUSED, replay.state().phase(), "a seek after the end holds the replay there");
        assertEquals(9_500, replay.state().position());
        replay.resume();
        waitForPhase(Phase.FINISHED, 10_000);
        assertEquals(5, replay.state().delivered(), "the readings from 9.5 s to 9.9 s");

        replay.stop();
        assertEquals(Phase.IDLE, replay.state().phase());
        assertEquals(LiveSource.RUNTIME, live.source());
        assertEquals(List.of(), live.latest(), "the replayed values are gone");
        assertEquals(Phase.IDLE, states.get(states.size() - 1).phase(), "listeners heard of the stop");
        assertTrue(states.stream().anyMatch(s -> s.phase() == Phase.PAUSED));
        assertThrows(IllegalStateException.class, () -> replay.seek(0), "no replay to move");
    }

    @Test
    void shouldRefuseSpeedsOutOfRangeAndUnknownSessions() throws Exception {
        long session = newSession(10, 1000);
        for (double speed : new double[] { 0, 0.5, 100.5, 1000, Double.NaN, Double.POSITIVE_INFINITY, -1 }) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> replay.start(session, speed));
            assertTrue(refused.getMessage().contains("from 1× to 100×"), refused.getMessage());
        }
        assertEquals(Phase.IDLE, replay.state().phase(), "nothing started");
        replay.start(session, 100);
        replay.start(session, 1); // restarts: both ends of the range are allowed
        assertThrows(IllegalArgumentException.class, () -> replay.setSpeed(101));
        assertEquals(1, replay.state().speed(), "a refused speed changes nothing");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> replay.start(99_999, 1));
        assertTrue(unknown.getMessage().contains("download it first"), unknown.getMessage());
    }

    /** {@code client:replay} as the headless client's shell calls it, on the real replay service. */
    private static String shell(String... arguments) throws Exception {
        Object commands = Osgi.context().getService(Osgi.context().getServiceReferences((String) null,
                "(&(osgi.command.scope=client)(osgi.command.function=replay))")[0]);
        Class<?>[] types = new Class<?>[arguments.length];
        java.util.Arrays.fill(types, String.class);
        return (String) commands.getClass().getMethod("replay", types).invoke(commands, (Object[]) arguments);
    }

    @Test
    void shouldReplayFromTheShell() throws Exception {
        long session = newSession(100, 100); // 10 s of session
        String usage = "speed 1 to 100, default 1";
        assertTrue(shell().startsWith("No replay is under way") && shell().contains(usage), shell());
        assertTrue(shell("pause").startsWith("No replay is under way"), shell("pause"));
        assertTrue(shell("stop").startsWith("No replay is under way"), shell("stop"));
        assertTrue(shell("paws").contains("'paws' is neither a session number"), shell("paws"));
        for (String speed : new String[] { "0", "101", "0.5" }) {
            String out = shell(Long.toString(session), speed);
            assertTrue(out.startsWith("Not replayed: Replay speed must be from 1× to 100×"), speed + ": " + out);
        }
        assertTrue(shell(Long.toString(session), "fast").contains("must be a number from 1 to 100, not 'fast'"));
        String missing = shell("99999");
        assertTrue(missing.startsWith("Not replayed: Session 99999") && missing.contains("download it first"), missing);
        assertEquals(Phase.IDLE, replay.state().phase(), "nothing refused was started");

        String started = shell(Long.toString(session), "2x");
        assertTrue(started.startsWith("Replay of session " + session + " at 2×: "), started);
        assertEquals(Phase.PLAYING, replay.state().phase());
        assertEquals(2, replay.state().speed());
        assertEquals(LiveSource.replay(session, 2), live.source());
        assertTrue(Osgi.waitFor(() -> replay.state().delivered() >= 3, 5_000), "" + replay.state());

        String paused = shell("pause");
        assertTrue(paused.startsWith("Replay of session " + session + " paused: ") && paused.endsWith("readings"
                + " (client:replay resume goes on)"), paused);
        long held = replay.state().delivered();
        Thread.sleep(300);
        assertEquals(Phase.PAUSED, replay.state().phase());
        assertEquals(held, replay.state().delivered(), "nothing replayed while paused");
        assertTrue(shell("resume").startsWith("Replay of session " + session + " at 2×: "));
        assertTrue(Osgi.waitFor(() -> replay.state().delivered() > held, 5_000), "" + replay.state());
        assertTrue(shell().matches("Replay of session " + session + " at 2×: \\d+\\.\\d s of 9\\.9 s, \\d+ readings"),
                shell());

        assertEquals("Replay stopped: live values come from the runtime again.", shell("STOP"));
        assertEquals(Phase.IDLE, replay.state().phase());
        assertEquals(LiveSource.RUNTIME, live.source());

        shell(Long.toString(session), "100×");
        waitForPhase(Phase.FINISHED, 10_000);
        assertEquals("Replay of session " + session + " finished: 9.9 s of 9.9 s, 100 readings (client:replay stop"
                + " gives the live values back to the runtime)", shell());
        shell("stop");

        try (OriginalLoggerPeer peer = new OriginalLoggerPeer()) {
            peer.setSessions(List.of());
            connection.connect(Endpoint.of("127.0.0.1", peer.port()));
            assertTrue(connection.start().ok());
            String whileLogging = shell(Long.toString(session));
            assertTrue(whileLogging.startsWith("Not replayed: Session " + session
                    + " cannot be replayed while the runtime is logging"), whileLogging);
            assertEquals(Phase.IDLE, replay.state().phase());
            connection.stop();
        }
    }

    @Test
    void shouldGiveWayToALoggingRuntime() throws Exception {
        long session = newSession(100, 1000);
        try (OriginalLoggerPeer peer = new OriginalLoggerPeer()) {
            peer.setLiveLines(List.of("08a0000003e87ff80100fff00000"));
            peer.setSessions(List.of());
            connection.connect(Endpoint.of("127.0.0.1", peer.port()));
            replay.start(session, 1);
            assertTrue(Osgi.waitFor(() -> replay.state().delivered() >= 1, 5_000), "" + replay.state());
            connection.start();
            ReplayState stopped = waitForPhase(Phase.IDLE, 5_000);
            assertTrue(stopped.detail().contains("runtime started logging"), stopped.detail());
            assertTrue(Osgi.waitFor(() -> live.source().equals(LiveSource.RUNTIME) && live.latest().stream()
                    .anyMatch(v -> v.name().equals("adc_channel_one") && v.value() == 2047.0), 5_000),
                    "the runtime's values are shown: " + live.latest());
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> replay.start(session, 1));
            assertTrue(refused.getMessage().contains("while the runtime is logging"), refused.getMessage());
            connection.stop();
        }
    }
}
