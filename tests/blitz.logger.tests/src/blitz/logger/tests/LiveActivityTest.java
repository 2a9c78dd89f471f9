// SPDX-License-Identifier: EPL-2.0
package blitz.logger.tests;

import static blitz.logger.tests.support.InProcessSource.basicLine;
import static blitz.testing.Osgi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import blitz.logger.LiveActivity;
import blitz.logger.LiveActivity.LineBatch;
import blitz.logger.LiveActivity.Received;
import blitz.logger.LoggingRuntime;
import blitz.logger.tests.support.InProcessSource;
import blitz.model.Notification;
import blitz.testing.Osgi;

/**
 * The runtime's {@link LiveActivity}: every received line numbered and fetched since a position (with
 * what fell out of the ring counted), a new epoch per run, and the silence watch's notifications for
 * a silent board and a session that stores nothing, and their end.
 */
class LiveActivityTest {
    @RegisterExtension
    final Osgi osgi = new Osgi();

    /** Configures the runtime (it restarts) and returns the new instance's two services. */
    private LiveActivity restartWith(Map<String, ?> config) {
        LiveActivity before = Osgi.await(LiveActivity.class);
        osgi.configure("blitz.logger", config);
        return Osgi.await(LiveActivity.class, activity -> activity != before);
    }

    private static LoggingRuntime runtimeOf(LiveActivity activity) {
        return Osgi.await(LoggingRuntime.class, runtime -> runtime == activity);
    }

    /** A test that reconfigured the runtime leaves it restarting: wait until one instance stays. */
    @BeforeEach
    void settle() throws InterruptedException {
        LiveActivity seen = Osgi.await(LiveActivity.class);
        for (int calm = 0; calm < 5; calm++) {
            Thread.sleep(100);
            LiveActivity now = Osgi.await(LiveActivity.class);
            if (now != seen) {
                seen = now;
                calm = -1;
            }
        }
    }

    @AfterEach
    void stopSession() {
        Osgi.await(LoggingRuntime.class).stopSession();
    }

    private InProcessSource attach(String id, Integer... boards) {
        return InProcessSource.attached(osgi, id, boards);
    }

    @Test
    void everyLineSinceAPositionIsFetchedInOrderAndBounded() {
        LiveActivity activity = Osgi.await(LiveActivity.class);
        InProcessSource source = attach("lines", 0x08);
        long position = activity.linesAfter(Long.MAX_VALUE, 0).lastSequence();
        List<String> sent = IntStream.range(0, 50).mapToObj(i -> basicLine(0x08, i * 100L, i)).toList();
        source.emit(sent.toArray(String[]::new));

        LineBatch all = activity.linesAfter(position, 1000);
        assertEquals(sent, all.lines().stream().map(Received::line).toList(), "every line, in order");
        assertEquals(position + 50, all.lastSequence());
        assertEquals(0, all.missed());
        assertEquals(0, all.pending());
        assertTrue(all.lines().get(0).receivedMs() > System.currentTimeMillis() - 60_000, "dated when received");

        LineBatch first = activity.linesAfter(position, 10);
        assertEquals(sent.subList(0, 10), first.lines().stream().map(Received::line).toList());
        assertEquals(40, first.pending(), "the rest waits for the next request");
        LineBatch nothingNew = activity.linesAfter(all.lastSequence(), 1000);
        assertTrue(nothingNew.lines().isEmpty());
        assertEquals(all.lastSequence(), nothingNew.lastSequence());
    }

    @Test
    void aClientBehindTheRingIsToldHowManyLinesItMissed() {
        LiveActivity activity = restartWith(Map.of("liveLines", 100));
        InProcessSource source = attach("ring", 0x08);
        long position = activity.linesAfter(Long.MAX_VALUE, 0).lastSequence();
        source.emit(IntStream.range(0, 150).mapToObj(i -> basicLine(0x08, i, i)).toArray(String[]::new));
        LineBatch batch = activity.linesAfter(position, 1000);
        assertEquals(50, batch.missed(), "the ring kept the newest 100 of 150");
        assertEquals(100, batch.lines().size());
        assertEquals(basicLine(0x08, 50, 50), batch.lines().get(0).line());
    }

    @Test
    void everyRunHasItsOwnEpoch() {
        LiveActivity first = Osgi.await(LiveActivity.class);
        LiveActivity second = restartWith(Map.of("notificationCapacity", 998));
        assertNotEquals(first.epoch(), second.epoch());
        assertTrue(second.epoch() >= first.epoch());
    }

    @Test
    void aSilentBoardAndASessionThatStoresNothingAreNotifiedAndClearWhenDataFlows() throws Exception {
        LiveActivity activity = restartWith(Map.of("silenceLimitSeconds", 1));
        LoggingRuntime runtime = runtimeOf(activity);
        InProcessSource source = attach("silence", 0x08, 0x0a);
        long seen = runtime.notifications(0).stream().mapToLong(Notification::id).max().orElse(0);
        runtime.startSession();
        long session = runtime.currentSession().orElseThrow();

        // nothing at all: both boards and the session go silent within the limit plus the 1 s watch
        eventually("the session flagged", () -> activity.silence().sessionId() == session, Duration.ofSeconds(4));
        eventually("both boards flagged", () -> activity.silence().boards().equals(Set.of(0x08, 0x0a)),
                Duration.ofSeconds(4));
        assertTrue(texts(runtime, seen).stream().anyMatch(t -> t.startsWith("Board 08 silent for ")), texts(runtime, seen).toString());
        assertTrue(texts(runtime, seen).stream().anyMatch(t -> t.startsWith("Session " + session + " stored nothing")));

        // board 08 talks again, 0a stays silent
        long until = System.currentTimeMillis() + 2_500;
        for (int i = 0; System.currentTimeMillis() < until; i++) {
            source.emit(basicLine(0x08, i * 100L, i));
            Thread.sleep(100);
            if (activity.silence().boards().equals(Set.of(0x0a)) && activity.silence().sessionId() == 0) {
                break;
            }
        }
        assertEquals(Set.of(0x0a), activity.silence().boards(), "08 resumed, 0a still silent");
        assertEquals(0, activity.silence().sessionId(), "the session stores again");
        List<String> texts = texts(runtime, seen);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Board 08 resumed in session " + session)), texts.toString());
        assertTrue(texts.contains("Session " + session + " resumed: it stores messages again"), texts.toString());
        assertFalse(texts.stream().anyMatch(t -> t.startsWith("Board 0a resumed")));

        runtime.stopSession();
        assertTrue(activity.silence().isQuiet(), "nothing is silent outside a session");
    }

    private static List<String> texts(LoggingRuntime runtime, long after) {
        return runtime.notifications(after).stream().map(Notification::description).toList();
    }
}
