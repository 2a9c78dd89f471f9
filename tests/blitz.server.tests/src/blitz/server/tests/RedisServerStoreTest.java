// SPDX-License-Identifier: EPL-2.0
package blitz.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import blitz.model.SessionSummary;
import blitz.model.server.ServerStore;
import blitz.model.server.StoreHealth;
import blitz.testing.RedisServerFixture;
import blitz.testing.TcpProxy;
import blitz.testing.Osgi;

/** What only the Redis store does: the original's keys, outages, spool and replay. */
class RedisServerStoreTest {
    private static final StoreUnderTest.Redis REDIS = StoreUnderTest.REDIS;

    @AfterAll
    static void stopRedis() {
        REDIS.stopServer();
    }

    private static List<String> numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
    }

    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void shouldWriteTheOriginalKeyLayout() {
        ServerStore store = REDIS.open();
        long id = store.startSession();
        store.queueAll(List.of("a", "b", "c"));
        store.stopSession();
        SessionSummary summary = store.session(id).orElseThrow();
        RedisServerFixture redis = REDIS.server();

        assertEquals(List.of("1"), redis.cli("GET", "session_id"));
        assertEquals(List.of("1"), redis.cli("LRANGE", "sessions", "0", "-1"));
        assertEquals(List.of(Long.toString(summary.start())), redis.cli("GET", "session_1_start"));
        assertEquals(List.of(Long.toString(summary.end().getAsLong())), redis.cli("GET", "session_1_end"));
        assertTrue(redis.cli("GET", "session_1_start").get(0).matches("\\d{13}"));
        assertEquals(List.of("c", "b", "a"), redis.cli("LRANGE", "session_1", "0", "-1"), "newest first, as the original pushed");
        assertEquals(List.of("list"), redis.cli("TYPE", "session_1"));
        assertEquals(List.of("3"), redis.cli("LLEN", "session_1"));
    }

    @Test
    void shouldReadSessionsWrittenByTheOriginal() {
        ServerStore store = REDIS.open();
        RedisServerFixture redis = REDIS.server();
        redis.cli("SET", "session_id", "7");
        redis.cli("LPUSH", "sessions", "7");
        redis.cli("SET", "session_7_start", "1395000000000.0");
        redis.cli("LPUSH", "session_7", "m1", "m2", "m3");

        assertEquals(List.of(7L), store.availableSessions());
        assertEquals(List.of("m1", "m2", "m3"), store.allFromSession(7));
        assertEquals(List.of("7 1395000000000 None 3"), store.clientSessionList().stream().map(SessionSummary::toLine).toList());
        assertEquals(Optional.of("m3"), store.latestFromSession(7));
        assertEquals(8, store.startSession());
        store.stopSession();
    }

    @Test
    void shouldSpoolDuringAnOutageAndReplayInOrder() throws InterruptedException {
        ServerStore store = REDIS.open(Map.of("bufferLimit", 1_000));
        RedisServerFixture redis = REDIS.server();
        long id = store.startSession();
        assertEquals(2_000, store.queueAll(numbered(1, 2_000)));
        store.sync();

        redis.stop();
        assertEquals(5_000, store.queueAll(numbered(2_001, 7_000)), "accepted while Redis is down");
        waitFor("messages spooled", () -> store.health().spooledMessages() > 0);
        StoreHealth down = store.health();
        assertFalse(down.connected(), down.detail());
        assertTrue(down.bufferedMessages() >= 5_000, down.toString());
        assertTrue(down.detail().contains("unavailable"), down.detail());
        assertTrue(Files.exists(REDIS.spoolFolder().resolve("spool.log")));
        store.stopSession(); // must not hang: the end time waits in the spool

        redis.restart();
        store.sync();
        assertEquals(numbered(1, 7_000), store.allFromSession(id), "0 lost, 0 duplicated, in order");
        assertTrue(store.session(id).orElseThrow().end().isPresent(), "the end time was replayed too");
        StoreHealth up = store.health();
        assertTrue(up.connected(), up.detail());
        assertEquals(0, up.bufferedMessages());
        assertEquals(0, up.spooledMessages());
    }

    @Test
    void shouldNeitherLoseNorDuplicateWhenConnectionsDropMidStream() throws InterruptedException {
        ServerStore store = REDIS.open();
        RedisServerFixture redis = REDIS.server();
        long id = store.startSession();
        int total = 200_000;
        AtomicReference<Integer> accepted = new AtomicReference<>(0);
        Thread writer = new Thread(() -> {
            int count = 0;
            for (int i = 1; i <= total; i += 100) {
                count += store.queueAll(numbered(i, i + 99));
            }
            accepted.set(count);
        });
        writer.start();
        int kills = 0;
        while (writer.isAlive() || kills < 3) {
            redis.cli("CLIENT", "KILL", "TYPE", "normal");
            kills++;
            Thread.sleep(15);
        }
        writer.join();
        assertEquals(total, accepted.get());
        store.sync();
        List<String> all = store.allFromSession(id);
        assertEquals(total, all.size(), "no message lost or duplicated after " + kills + " connection kills");
        assertEquals(numbered(1, total), all);
        store.stopSession();
    }

    @Test
    void shouldRecoverFromASlowServerWithoutLossOrDuplicates() throws InterruptedException {
        ServerStore store = REDIS.open(Map.of("commandTimeoutMs", 200));
        RedisServerFixture redis = REDIS.server();
        long id = store.startSession();
        store.queueAll(numbered(1, 1_000));
        store.sync();
        Thread sleeper = new Thread(() -> redis.cli("DEBUG", "SLEEP", "1")); // longer than the command timeout
        sleeper.start();
        Thread.sleep(200);
        store.queueAll(numbered(1_001, 2_000));
        waitFor("the timeout to be noticed", () -> !store.health().connected());
        sleeper.join();
        store.sync();
        assertEquals(numbered(1, 2_000), store.allFromSession(id));
        store.stopSession();
    }

    @Test
    void shouldNotStoreTwiceWhatRedisAppliedWhenTheReplyWasLost() throws InterruptedException {
        RedisServerFixture redis = REDIS.server();
        try (TcpProxy proxy = new TcpProxy(redis.port())) {
            ServerStore store = REDIS.open(Map.of("uri", "redis://127.0.0.1:" + proxy.port() + "/0", "commandTimeoutMs", 300));
            long id = store.startSession();
            store.queueAll(numbered(1, 1_000));
            store.sync();

            proxy.swallowReplies(true); // Redis executes the LPUSHes, the store never hears back
            store.queueAll(numbered(1_001, 2_000));
            waitFor("Redis to apply the unanswered writes", () -> redis.cli("LLEN", "session_" + id).equals(List.of("2000")));
            waitFor("the store to notice the lost replies", () -> !store.health().connected());
            proxy.swallowReplies(false);
            proxy.dropConnections();

            store.sync(); // the store re-sends the failed cycle: what Redis applied must be skipped
            assertEquals(List.of("2000"), redis.cli("LLEN", "session_" + id));
            assertEquals(numbered(1, 2_000), store.allFromSession(id));
            store.stopSession();
        }
    }

    @Test
    void shouldReplayTheSpoolLeftByAnEarlierRun() throws InterruptedException {
        ServerStore store = REDIS.open(Map.of("bufferLimit", 10));
        RedisServerFixture redis = REDIS.server();
        long id = store.startSession();
        store.queueAll(numbered(1, 100));
        store.sync();
        redis.stop();
        assertEquals(500, store.queueAll(numbered(101, 600)));
        waitFor("messages spooled", () -> store.health().spooledMessages() > 0);

        ServerStore restarted = REDIS.restart(); // the old instance spills what it holds to the spool
        assertTrue(restarted.health().spooledMessages() > 0, restarted.health().toString());
        redis.restart();
        waitFor("spool replayed", () -> restarted.health().bufferedMessages() == 0 && restarted.health().connected());
        assertEquals(numbered(1, 600), restarted.allFromSession(id));
    }

    @Test
    void shouldActivateOnlyWhenConfiguredAndOutrankTheEmbeddedStore() throws InterruptedException {
        REDIS.open();
        REDIS.close();
        waitFor("the Redis store to go away", () -> references("(blitz.store.kind=redis)").isEmpty());
        assertFalse(references("(blitz.store.kind=embedded)").isEmpty(), "the embedded store remains");

        REDIS.open();
        ServiceReference<ServerStore> best = Osgi.context().getServiceReference(ServerStore.class);
        assertEquals("redis", best.getProperty("blitz.store.kind"), "what a consumer asking for a ServerStore gets");
    }

    static List<ServiceReference<ServerStore>> references(String filter) {
        try {
            return new ArrayList<>(Osgi.context().getServiceReferences(ServerStore.class, filter));
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
