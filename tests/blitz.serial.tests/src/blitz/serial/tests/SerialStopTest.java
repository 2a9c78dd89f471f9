package blitz.serial.tests;

import static blitz.testing.CollectingSink.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import blitz.model.source.LossEvent;
import blitz.model.source.MessageSink;
import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.simulator.BoardSimulator;
import blitz.simulator.SimulatorOptions;
import blitz.testing.CollectingSink;

/**
 * Stopping and restarting a serial source (the runtime does it on every START and STOP of a
 * session): bounded, short for a board that hangs, and never two threads on one port.
 */
class SerialStopTest {

    @Test
    void aBoardThatHangsCostsAStopAboutASecondAndTheRestartedSourceRunsOnOneThread() throws Exception {
        try (PtyPair pty = new PtyPair("hung");
                MutableBoard board = new MutableBoard(pty.boardEnd());
                ConfiguredPort port = new ConfiguredPort(pty.hostEnd().toString(), Map.of("pollPeriodMs", 50))) {
            MessageSource source = port.source;
            String workerName = "blitz-serial-" + pty.hostEnd();
            source.start(new CollectingSink());
            await("RUNNING", 10_000, () -> source.state() == SourceState.RUNNING);

            board.answering(false);
            Thread.sleep(1000); // the source now waits in a TRANSMIT the board leaves unanswered
            long stopMs = timed(source::stop);
            assertTrue(stopMs < 2500, "stop took " + stopMs + " ms");
            assertEquals(SourceState.STOPPED, source.state());
            String error = source.statistics().lastError();
            assertTrue(error.contains("cut the drain short") && error.contains(pty.hostEnd().toString()), error);
            assertEquals(0, liveThreads(workerName), "the worker ended with the stop");

            source.start(new CollectingSink());
            assertEquals(1, liveThreads(workerName));
            board.answering(true);
            await("RUNNING again", 10_000, () -> source.state() == SourceState.RUNNING);
            assertEquals(1, liveThreads(workerName));

            long answeredStopMs = timed(source::stop);
            assertTrue(answeredStopMs < 1000, "stop of an answering board took " + answeredStopMs + " ms");
            assertEquals(1, board.stops(), "the board answering again got its STOP");
            assertEquals(0, liveThreads(workerName));
        }
    }

    @Test
    void aStopThatTheSinkHoldsUpEndsInTimeAndTheSameThreadTakesUpTheNextStart() throws Exception {
        try (PtyPair pty = new PtyPair("held");
                BoardSimulator board = BoardSimulator.serve(pty.boardEnd(),
                        SimulatorOptions.defaults().withNumbering(true).withRate(200).withBuffer(1000, true));
                ConfiguredPort port = new ConfiguredPort(pty.hostEnd().toString(),
                        Map.of("pollPeriodMs", 50, "stopTimeoutMs", 1000))) {
            MessageSource source = port.source;
            String workerName = "blitz-serial-" + pty.hostEnd();
            HoldingSink held = new HoldingSink();
            source.start(held);
            assertTrue(held.entered.await(10, TimeUnit.SECONDS), "a first message reached the sink");

            long stopMs = timed(source::stop);
            assertTrue(stopMs >= 1000 && stopMs < 2500, "stop took " + stopMs + " ms (bound 1000 + 500)");
            assertEquals(SourceState.STOPPED, source.state());
            assertTrue(source.statistics().lastError().contains("did not finish in time"), source.statistics().lastError());

            CollectingSink next = new CollectingSink();
            source.start(next);
            assertEquals(1, liveThreads(workerName), "the held worker is the only one");
            Thread.sleep(300);
            assertEquals(0, next.lineCount(), "nothing read while the old stop is still held up");

            held.release.countDown();
            await("RUNNING again", 10_000, () -> source.state() == SourceState.RUNNING);
            await("messages to the new sink", 10_000, () -> next.lineCount() >= 20);
            assertEquals(1, liveThreads(workerName));
            assertEquals(1, held.messages.get(), "the held sink got nothing after its stop returned");
            source.stop();
            assertTrue(next.losses(LossEvent.Kind.RECONNECT_GAP).isEmpty());
        }
    }

    /** Holds the worker in its first message until released, as a sink stuck on a full disk would. */
    private static final class HoldingSink implements MessageSink {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger messages = new AtomicInteger();

        @Override
        public void onMessage(String sourceId, String line) {
            messages.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onLoss(String sourceId, LossEvent event) {
            // not looked at
        }
    }

    private static long timed(Runnable action) {
        long began = System.nanoTime();
        action.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }

    private static long liveThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals(name)).count();
    }
}
