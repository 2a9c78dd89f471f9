// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.tests;

import static blitz.testing.Osgi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

import blitz.logger.LoggingRuntime;
import blitz.logger.tests.support.InProcessSource;
import blitz.model.source.MessageSource;
import blitz.testing.Osgi;

/**
 * The server's workers through real sockets: while one client's request takes long (a STOP whose board
 * needs {@value #DRAIN_MS} ms to hand over its buffer), another client is answered at once; with every
 * worker slot taken, a client gets {@code ERROR 9} at once, and is answered normally afterwards.
 */
class WorkersTest {
    private static final Osgi OSGI = new Osgi();
    private static final long DRAIN_MS = 2_000;
    private static int port;
    private InProcessSource source;
    private ServiceRegistration<MessageSource> registration;

    @BeforeEach
    void aSlowBoard() {
        Osgi.await(LoggingRuntime.class).stopSession();
        source = new InProcessSource("slow-drain", 0x08);
        source.drainTakes(DRAIN_MS);
        registration = OSGI.register(source);
    }

    @AfterEach
    void noSession() {
        Osgi.await(LoggingRuntime.class).stopSession();
        registration.unregister();
    }

    @AfterAll
    static void plainConfiguration() {
        OSGI.configure("blitz.protocol", Map.of("port", port));
    }

    private static ZmqClient serve(int requestsInWork) throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // a new port: the first reply comes from the server configured here
        }
        OSGI.configure("blitz.protocol", Map.of("port", port, "workerThreads", 2, "maxRequestsInWork", requestsInWork));
        ProtocolBundle.start();
        ZmqClient client = new ZmqClient(port);
        client.awaitReply("VERSION", reply -> reply.startsWith("VERSION"));
        return client;
    }

    @Test
    void anotherClientIsAnsweredWhileOneRequestTakesLong() throws Exception {
        try (ZmqClient stopping = serve(4); ZmqClient other = new ZmqClient(port)) {
            CompletableFuture<String> stop = slowStop(stopping);
            long asked = System.nanoTime();
            assertEquals("ACK", other.request("LOGGING"), "the session still runs while its board drains");
            long answeredMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
            assertTrue(answeredMs < DRAIN_MS / 2, "answered while the STOP was in work: " + answeredMs + " ms");
            assertEquals("ACK", stop.get(10, TimeUnit.SECONDS));
            assertEquals("NACK", other.request("LOGGING"));
        }
    }

    @Test
    void aClientGetsABusyErrorWhenEveryWorkerSlotIsTaken() throws Exception {
        try (ZmqClient stopping = serve(1); ZmqClient other = new ZmqClient(port)) {
            CompletableFuture<String> stop = slowStop(stopping);
            String busy = other.request("LOGGING");
            assertTrue(busy.startsWith("ERROR 9 server busy: 1 requests in work"), busy);
            assertEquals("ACK", stop.get(10, TimeUnit.SECONDS));
            assertEquals("NACK", other.request("LOGGING"), "answered normally once the work is done");
            assertTrue(other.request("STATS").matches("(?s).*\\nPROTOCOL .*\\bbusy=1\\b.*"), "counted in STATS");
        }
    }

    /** Starts a session, then sends STOP from another thread: @return its reply, once the board has drained */
    private CompletableFuture<String> slowStop(ZmqClient client) {
        eventually("source started", source::started);
        assertEquals("ACK", client.request("START"));
        CompletableFuture<String> stop = CompletableFuture.supplyAsync(() -> client.request("STOP"));
        eventually("the STOP is in work", () -> stop.isDone() || isDraining());
        assertTrue(!stop.isDone(), () -> "the STOP took no time: " + stop.getNow(null) + "; sources stopped "
                + source.stops() + " times");
        return stop;
    }

    /** @return whether the session's STOP has reached the board, which is now handing over its buffer */
    private static boolean isDraining() {
        return Thread.getAllStackTraces().entrySet().stream().anyMatch(thread -> Arrays.stream(thread.getValue())
                .anyMatch(frame -> frame.getMethodName().equals("stop") && frame.getClassName().endsWith("InProcessSource")));
    }
}
