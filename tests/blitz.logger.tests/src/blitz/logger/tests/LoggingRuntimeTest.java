// SPDX-License-Identifier: EPL-2.0
package blitz.logger.tests;

import static blitz.logger.tests.support.InProcessSource.basicLine;
import static blitz.testing.Osgi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.ServiceRegistration;

import blitz.logger.GapRecord;
import blitz.logger.LiveValue;
import blitz.logger.LoggingRuntime;
import blitz.logger.Preflight;
import blitz.logger.RuntimeListener;
import blitz.logger.tests.support.InProcessSource;
import blitz.model.Notification;
import blitz.model.server.ServerStore;
import blitz.model.source.LossEvent;
import blitz.model.source.LossEvent.Kind;
import blitz.model.source.MessageSource;
import blitz.testing.Osgi;

/**
 * The logging runtime in Equinox with real parts: DS, the codec's decoder registry with the built-in
 * boards, the embedded journal store, and an in-process source registered as an OSGi service.
 */
class LoggingRuntimeTest {
    @RegisterExtension
    final Osgi osgi = new Osgi();
    private LoggingRuntime runtime;
    /** The store the runtime writes to, to check what it stored. */
    private ServerStore serverStore;

    @BeforeEach
    void runtime() {
        runtime = Osgi.await(LoggingRuntime.class);
        serverStore = Osgi.await(ServerStore.class);
        runtime.stopSession();
    }

    @AfterEach
    void unregister() {
        runtime.stopSession();
    }

    private InProcessSource attach(String id, Integer... boards) {
        return InProcessSource.attached(osgi, id, boards);
    }

    @Test
    void sourcesAreStartedWhenTheyAppearAndStoppedWhenTheyLeave() throws Exception {
        InProcessSource source = new InProcessSource("whiteboard", 0x08);
        ServiceRegistration<MessageSource> registration = osgi.register(source);
        eventually("started", source::started);
        assertTrue(runtime.sources().stream().anyMatch(s -> s.id().equals("whiteboard")));
        registration.unregister();
        assertFalse(source.started(), "stopped when the service left");
        assertTrue(runtime.sources().stream().noneMatch(s -> s.id().equals("whiteboard")));
    }

    @Test
    void liveCacheIsFedWithoutASessionAndKeepsZeroValues() throws Exception {
        InProcessSource source = attach("live", 0x08);
        assertFalse(runtime.isLogging());
        source.emit("08a0000003e87ff80100fff00000"); // the original's worked example: 2047, 2049, 15, 4080, 0
        Map<String, LiveValue> live = runtime.live();
        assertEquals(2047, live.get("adc_channel_one").value());
        assertEquals(2049, live.get("adc_channel_two").value());
        assertEquals(4080, live.get("adc_channel_four").value());
        assertEquals(0, live.get("adc_channel_five").value(), "zero values are kept (the original dropped them)");
        assertEquals(1000, live.get("adc_channel_one").boardTime());
        source.emit(basicLine(0x08, 2000, 7));
        assertEquals(7, runtime.live().get("adc_channel_one").value());
    }

    @Test
    void aSessionStoresEveryMessageInOrderIncludingWhatTheBoardsStillBuffered() throws Exception {
        InProcessSource source = attach("ordered", 0x08);
        source.emit(basicLine(0x08, 1, 1)); // before the session: live only
        int startsBefore = source.starts();
        Preflight preflight = runtime.startSession();
        assertTrue(preflight.verdict() != Preflight.Verdict.UNAVAILABLE);
        long session = runtime.currentSession().orElseThrow();
        assertTrue(source.starts() > startsBefore, "the sources restart with the session (boards' clocks zeroed)");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            sent.add(basicLine(0x08, i, i % 4096));
        }
        sent.add("08a0zz"); // undecodable, still stored: the store keeps what arrived
        sent.forEach(source::emit);
        List<String> onTheBoard = List.of(basicLine(0x08, 5000, 1), basicLine(0x08, 5001, 2));
        source.buffer(onTheBoard.toArray(String[]::new));
        assertEquals(session, runtime.stopSession().orElseThrow());
        sent.addAll(onTheBoard);
        assertEquals(sent, serverStore.allFromSession(session), "every message, in order, the drained ones last");
        assertEquals(sent.size(), serverStore.session(session).orElseThrow().count());
        assertTrue(serverStore.session(session).orElseThrow().end().isPresent());
        assertTrue(source.started(), "sources run again after the session for live data");
        source.emit(basicLine(0x08, 9, 9));
        assertEquals(sent.size(), serverStore.messageCount(session), "nothing stored after the stop");
    }

    @Test
    void sourcesDrainSideBySideSoAStopWaitsForTheSlowestNotTheSum() throws Exception {
        List<InProcessSource> slow = new ArrayList<>();
        for (int board = 0x08; board < 0x0e; board++) {
            InProcessSource source = attach("slow-" + board, board);
            source.drainTakes(300);
            source.buffer(basicLine(board, 1, 1));
            slow.add(source);
        }
        runtime.startSession(); // drains into the live view, restarts every source
        for (int i = 0; i < slow.size(); i++) {
            slow.get(i).buffer(basicLine(0x08 + i, 2, 2));
        }
        long asked = System.nanoTime();
        long session = runtime.stopSession().orElseThrow();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        assertTrue(tookMs < 1_200, "six drains of 300 ms took " + tookMs + " ms (one after another: 1 800 ms or more)");
        slow.forEach(source -> assertEquals(2, source.stops(), source.id()));
        assertEquals(slow.size(), serverStore.messageCount(session), "every source's buffer drained into the session");
    }

    @Test
    void startingTwiceIsRefusedAndStoppingWithoutASessionIsHarmless() throws Exception {
        attach("twice", 0x08);
        runtime.startSession();
        assertThrows(IllegalStateException.class, runtime::startSession);
        assertTrue(runtime.stopSession().isPresent());
        assertTrue(runtime.stopSession().isEmpty());
    }

    @Test
    void theGapLedgerRecordsEveryLossWithTheSessionAndOutsideIt() throws Exception {
        InProcessSource source = attach("lossy", 0x08, 0x09);
        LossEvent outside = new LossEvent(Kind.BAD_LINE, -1, 1, 1_000, "zz garbage");
        source.loss(outside);
        assertTrue(runtime.gapsOutsideSessions().stream().anyMatch(r -> r.event().equals(outside)));

        runtime.startSession();
        long session = runtime.currentSession().orElseThrow();
        List<LossEvent> events = List.of(new LossEvent(Kind.BAD_LINE, -1, 3, 2_000, "08a0\tnot hex\nat all"),
                new LossEvent(Kind.BOARD_ERROR, 0x08, 1, 2_001, "62 serial buffer full"),
                new LossEvent(Kind.RECONNECT_GAP, -1, 1, 2_002, "port vanished for 1200 ms"),
                new LossEvent(Kind.SEQUENCE_GAP, 0x09, 17, 2_003, "expected 100, got 117"));
        events.forEach(source::loss);
        List<GapRecord> during = runtime.gaps(session);
        assertEquals(events, during.stream().map(GapRecord::event).toList());
        assertTrue(during.stream().allMatch(r -> r.sessionId() == session && r.sourceId().equals("lossy")));
        runtime.stopSession();

        assertEquals(during, runtime.gaps(session), "read back from the ledger file after the session");
        assertTrue(runtime.boardStatistics().stream().anyMatch(b -> b.boardId() == 0x09 && b.lost() >= 17));
        Path ledger = Path.of(System.getProperty("user.home"), ".blitz", "logger", "gaps", "session-" + session + ".gaps");
        assertTrue(Files.exists(ledger), ledger.toString());
        assertTrue(runtime.deleteSession(session));
        assertFalse(Files.exists(ledger), "the ledger goes with its session");
        assertEquals(List.of(), runtime.gaps(session));
    }

    @Test
    void aSessionWithNoLossHasAnEmptyLedger() throws Exception {
        InProcessSource source = attach("quiet", 0x08);
        runtime.startSession();
        long session = runtime.currentSession().orElseThrow();
        source.emit(basicLine(0x08, 0, 1));
        runtime.stopSession();
        assertEquals(List.of(), runtime.gaps(session), "the board sent data and nothing was lost");
        assertEquals(1, serverStore.messageCount(session));
    }

    @Test
    void listenersAndTheNotificationRingHearOfSessionsAndLosses() throws Exception {
        List<Notification> heard = new CopyOnWriteArrayList<>();
        osgi.register(RuntimeListener.class, heard::add, Map.of());
        InProcessSource source = attach("noisy", 0x08);
        long last = runtime.notifications(0).stream().mapToLong(Notification::id).max().orElse(0);
        runtime.startSession();
        source.loss(new LossEvent(Kind.BOARD_ERROR, 0x08, 1, 5, "62"));
        runtime.stopSession();
        List<String> texts = runtime.notifications(last).stream().map(Notification::description).toList();
        assertTrue(texts.stream().anyMatch(t -> t.matches("Session \\d+ started")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("BOARD_ERROR") && t.contains("board 08")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.matches("Session \\d+ stopped")), texts.toString());
        assertTrue(heard.stream().anyMatch(n -> n.description().contains("BOARD_ERROR")));
    }

    @Test
    void boardsAreListedWithTheirSourceAndCommandsReachTheHolder() throws Exception {
        InProcessSource source = attach("boards", 0x08, 0x09);
        source.emit(basicLine(0x0b, 1, 1)); // seen in a line, not announced
        assertTrue(runtime.boards().stream().anyMatch(b -> b.boardId() == 0x09 && b.sourceId().equals("boards")
                && b.description().description().equals("Motor Expansion Board")));
        assertTrue(runtime.boards().stream().anyMatch(b -> b.boardId() == 0x0b));
        assertTrue(runtime.sendBoardCommand(0x09, "850000000000001a").acknowledged());
        assertEquals(List.of("09850000000000001a"), source.commands());
        assertFalse(runtime.sendBoardCommand(0x42, "88").acknowledged(), "no source holds board 42");
    }

    @Test
    void preflightWarnsWhenThePlanCannotBeSustainedAndTheSessionStillStarts() throws Exception {
        attach("fast", 0x08);
        assertEquals(Preflight.Verdict.OK, runtime.preflight().verdict(), runtime.preflight().toString());
        osgi.configure("blitz.logger", Map.of("boardRates", "08=500"));
        try {
            LoggingRuntime reconfigured = Osgi.await(LoggingRuntime.class,
                    r -> r.preflight().verdict() == Preflight.Verdict.WARNING);
            Preflight preflight = reconfigured.preflight();
            String reasons = String.join(" ", preflight.reasons());
            assertTrue(reasons.contains("cannot be sustained"), reasons);
            assertTrue(reasons.contains("180-message buffer"), reasons);
            assertEquals(Preflight.Verdict.WARNING, reconfigured.startSession().verdict());
            assertTrue(reconfigured.isLogging());
            reconfigured.stopSession();
        } finally {
            osgi.configure("blitz.logger", Map.of());
            // The runtime restarts on the change: let the next test find the new instance, not this one.
            Osgi.await(LoggingRuntime.class, r -> r.preflight().verdict() == Preflight.Verdict.OK);
        }
    }

    @Test
    void aSessionLeftRunningByADeadRuntimeGetsARuntimeStoppedEntry() throws Exception {
        Path folder = Files.createTempDirectory("ledger");
        osgi.configure("blitz.logger", Map.of("dataFolder", folder.toString()));
        LoggingRuntime[] last = { runtime };
        try {
            LoggingRuntime logger = Osgi.await(LoggingRuntime.class, r -> r != runtime);
            last[0] = logger;
            attach("crash", 0x08);
            logger.startSession();
            long id = logger.currentSession().orElseThrow();
            Path marker = folder.resolve("gaps").resolve("session-" + id + ".running");
            assertTrue(Files.exists(marker), "a running session is marked");
            byte[] left = Files.readAllBytes(marker);
            logger.stopSession();
            assertFalse(Files.exists(marker), "a clean stop removes the mark");
            // what a kill leaves behind: the mark of a session that never stopped, last renewed 30 s ago
            Files.write(marker, left);
            long lastAlive = System.currentTimeMillis() - 30_000;
            Files.setLastModifiedTime(marker, java.nio.file.attribute.FileTime.fromMillis(lastAlive));

            osgi.configure("blitz.logger", Map.of("dataFolder", folder.toString(), "notificationCapacity", 999));
            LoggingRuntime restarted = Osgi.await(LoggingRuntime.class, r -> r != logger && r != runtime);
            last[0] = restarted;
            List<GapRecord> gaps = restarted.gaps(id);
            assertEquals(1, gaps.size(), gaps.toString());
            LossEvent stopped = gaps.get(0).event();
            assertEquals(Kind.RUNTIME_STOPPED, stopped.kind());
            assertEquals(lastAlive / 1000, stopped.timeMs() / 1000, "the span starts when the runtime was last alive");
            assertTrue(stopped.detail().contains("30."), stopped.detail());
            assertFalse(Files.exists(marker), "recorded once");
            assertTrue(restarted.notifications(0).stream().anyMatch(n -> n.description().contains("the runtime stopped")));
        } finally {
            osgi.configure("blitz.logger", Map.of());
            // The runtime restarts on the change: let the next test find the new instance
            Osgi.await(LoggingRuntime.class, r -> r != last[0]);
        }
    }

    @Test
    void preflightWarnsWhenNoBoardIsAttached() throws Exception {
        Preflight preflight = runtime.preflight();
        assertEquals(Preflight.Verdict.WARNING, preflight.verdict());
        assertTrue(preflight.summary().contains("No board is attached"), preflight.summary());
    }
}
