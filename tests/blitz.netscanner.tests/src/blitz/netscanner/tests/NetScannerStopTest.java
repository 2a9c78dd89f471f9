package blitz.netscanner.tests;

import static blitz.testing.CollectingSink.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import blitz.model.source.LossEvent;
import blitz.model.source.MessageSink;
import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.testing.CollectingSink;

/**
 * Stopping and restarting a NetScanner source (the runtime does it on every START and STOP of a
 * session): the reading asked for is still delivered, a scanner that stops answering costs at most
 * {@code stopTimeoutMs}, and there is never a second connection to the scanner.
 */
class NetScannerStopTest {

    @Test
    void aScannerThatStopsAnsweringCostsAStopItsStopTimeoutAndTheRestartRunsOnOneThread() throws Exception {
        try (FakeNetScanner scanner = new FakeNetScanner("\r\n");
                ConfiguredScanner configured = new ConfiguredScanner("ns-hung", scanner.port(),
                        Map.of("rateHz", 10.0, "stopTimeoutMs", 800))) {
            MessageSource source = configured.source;
            source.start(new CollectingSink());
            await("RUNNING", 10_000, () -> source.state() == SourceState.RUNNING);

            scanner.silent(true);
            Thread.sleep(500); // the source now waits for a reading the scanner leaves unanswered
            long stopMs = timed(source::stop);
            assertTrue(stopMs >= 700 && stopMs < 1300, "stop took " + stopMs + " ms (stopTimeoutMs 800, bound 800 + 500)");
            assertEquals(SourceState.STOPPED, source.state());
            String error = source.statistics().lastError();
            assertTrue(error.contains("cut the drain short") && error.contains("127.0.0.1:" + scanner.port()), error);
            await("the connection closed", 2_000, () -> scanner.openConnections() == 0);

            CollectingSink next = new CollectingSink();
            source.start(next);
            assertEquals(1, workerThreads(scanner));
            scanner.silent(false);
            await("RUNNING again", 10_000, () -> source.state() == SourceState.RUNNING);
            await("readings again", 10_000, () -> next.lineCount() >= 3);
            assertEquals(1, workerThreads(scanner));
            assertEquals(1, scanner.openConnections());

            long answeredStopMs = timed(source::stop);
            assertTrue(answeredStopMs < 500, "stop of an answering scanner took " + answeredStopMs + " ms");
            assertEquals(error, source.statistics().lastError(), "the answering scanner's stop cut nothing short");
        }
    }

    @Test
    void aStopWaitsForTheReadingInFlightAndDeliversIt() throws Exception {
        try (FakeNetScanner scanner = new FakeNetScanner("\r\n");
                ConfiguredScanner configured = new ConfiguredScanner("ns-drain", scanner.port(), Map.of("rateHz", 1.0))) {
            scanner.readingDelay(400);
            MessageSource source = configured.source;
            CollectingSink sink = new CollectingSink();
            source.start(sink);
            await("a first reading", 10_000, () -> sink.lineCount() == 1);
            await("the second request", 10_000,
                    () -> scanner.commands(0).stream().filter("rFFFF0"::equals).count() == 2);

            long stopMs = timed(source::stop);
            assertEquals(2, sink.lineCount(), "the reading asked for before stop() was delivered");
            assertTrue(stopMs >= 250 && stopMs < 1000, "stop waited for the reply: " + stopMs + " ms");
            assertEquals("", source.statistics().lastError());
        }
    }

    @Test
    void aSinkThatHoldsTheWorkerUpEndsTheStopInTimeAndTheSameThreadTakesUpTheNextStart() throws Exception {
        try (FakeNetScanner scanner = new FakeNetScanner("\r\n");
                ConfiguredScanner configured = new ConfiguredScanner("ns-held", scanner.port(),
                        Map.of("rateHz", 20.0, "stopTimeoutMs", 600))) {
            MessageSource source = configured.source;
            CompletableFuture<Void> release = new CompletableFuture<>();
            CollectingSink seen = new CollectingSink();
            source.start(new MessageSink() { // held in its first reading, as a sink stuck on a full disk would be
                @Override
                public void onMessage(String sourceId, String line) {
                    seen.onMessage(sourceId, line);
                    release.join();
                }

                @Override
                public void onLoss(String sourceId, LossEvent event) {
                    seen.onLoss(sourceId, event);
                }
            });
            await("a first reading in the sink", 10_000, () -> seen.lineCount() == 1);

            long stopMs = timed(source::stop);
            assertTrue(stopMs >= 600 && stopMs < 1300, "stop took " + stopMs + " ms (bound 600 + 500)");
            assertEquals(SourceState.STOPPED, source.state());
            assertTrue(source.statistics().lastError().contains("did not finish in time"), source.statistics().lastError());
            await("the connection closed", 2_000, () -> scanner.openConnections() == 0);

            CollectingSink next = new CollectingSink();
            source.start(next);
            Thread.sleep(300);
            assertEquals(1, workerThreads(scanner), "the held worker is the only one");
            assertEquals(1, scanner.connections(), "no second connection while the old stop is still held up");
            assertEquals(0, next.lineCount());

            release.complete(null);
            await("RUNNING again", 10_000, () -> source.state() == SourceState.RUNNING);
            await("readings to the new sink", 10_000, () -> next.lineCount() >= 5);
            assertEquals(1, workerThreads(scanner));
            assertEquals(1, scanner.openConnections());
            assertEquals(1, seen.lineCount(), "the held sink got nothing after its stop returned");
            source.stop();
            assertTrue(next.losses(LossEvent.Kind.RECONNECT_GAP).isEmpty());
        }
    }

    @Test
    void aStopWhileConnectingToAScannerThatAcceptsNothingEndsAtOnce() throws Exception {
        // a listener whose accept queue is full: the kernel drops further connection requests, as
        // from a scanner whose network stack hangs, so a connect waits for its timeout
        try (ServerSocket hung = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ConfiguredScanner configured = new ConfiguredScanner("ns-accepts-nothing", hung.getLocalPort(),
                        Map.of("timeoutMs", 8000))) {
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    queued.add(new Socket(hung.getInetAddress(), hung.getLocalPort()));
                }
                MessageSource source = configured.source;
                source.start(new CollectingSink());
                Thread.sleep(500); // connecting
                assertEquals(SourceState.CONNECTING, source.state());

                long stopMs = timed(source::stop);
                assertTrue(stopMs < 500, "stop while connecting took " + stopMs + " ms");
                assertEquals(SourceState.STOPPED, source.state());
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    private static long timed(Runnable action) {
        long began = System.nanoTime();
        action.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }

    /** @return the source's worker threads alive now (named after the scanner's address) */
    private static long workerThreads(FakeNetScanner scanner) {
        String name = "blitz-netscanner-127.0.0.1:" + scanner.port();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).count();
    }
}
