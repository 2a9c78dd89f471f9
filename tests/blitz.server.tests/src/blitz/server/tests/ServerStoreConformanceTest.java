// SPDX-License-Identifier: EPL-2.0
package blitz.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import blitz.model.SessionSummary;
import blitz.model.server.ServerStore;
import blitz.model.server.StoreHealth;

/**
 * The one conformance suite of {@link ServerStore}, run against every implementation (the model is
 * Kura's MessageStoreProviderTest): each scenario gets a new, empty store from the OSGi service
 * registry, configured through ConfigAdmin.
 */
class ServerStoreConformanceTest {

    /** A scenario run once against each store of {@link #stores()}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ParameterizedTest(name = "{0}")
    @MethodSource("blitz.server.tests.ServerStoreConformanceTest#stores")
    @interface EveryStore {
    }

    static Stream<StoreUnderTest> stores() {
        return Stream.of(StoreUnderTest.EMBEDDED, StoreUnderTest.EMBEDDED_INTERVAL_FSYNC, StoreUnderTest.REDIS);
    }

    @AfterAll
    static void stopRedis() {
        StoreUnderTest.REDIS.stopServer();
        StoreUnderTest.EMBEDDED.close();
    }

    private static List<String> numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
    }

    private static void queueEach(ServerStore store, List<String> messages) {
        for (String message : messages) {
            assertTrue(store.queue(message), "accepted: " + message);
        }
    }

    // --- ids and sessions ---------------------------------------------------------------------

    @EveryStore
    void shouldStartIdsAtOneAndIncrement(StoreUnderTest kind) {
        ServerStore store = kind.open();
        assertEquals(OptionalLong.empty(), store.currentSession());
        assertEquals(1, store.startSession());
        assertEquals(OptionalLong.of(1), store.currentSession());
        store.stopSession();
        assertEquals(OptionalLong.empty(), store.currentSession());
        assertEquals(2, store.startSession());
        assertEquals(3, store.startSession());
        store.stopSession();
    }

    @EveryStore
    void shouldNeverReuseIdsAfterDelete(StoreUnderTest kind) {
        ServerStore store = kind.open();
        store.startSession();
        long second = store.startSession();
        store.stopSession();
        assertTrue(store.deleteSession(second));
        assertEquals(3, store.startSession());
        store.stopSession();
    }

    @EveryStore
    void shouldStopRunningSessionWhenStartingAnother(StoreUnderTest kind) {
        ServerStore store = kind.open();
        long first = store.startSession();
        store.queue("a");
        long second = store.startSession();
        store.queue("b");
        store.sync();
        assertTrue(store.session(first).orElseThrow().end().isPresent(), "first session ended");
        assertTrue(store.session(second).orElseThrow().end().isEmpty(), "second session running");
        assertEquals(List.of("a"), store.allFromSession(first));
        assertEquals(List.of("b"), store.allFromSession(second));
        store.stopSession();
    }

    @EveryStore
    void shouldRefuseMessagesWithoutSession(StoreUnderTest kind) {
        ServerStore store = kind.open();
        assertFalse(store.queue("nobody listens"));
        assertEquals(0, store.queueAll(List.of("a", "b")));
        long id = store.startSession();
        store.stopSession();
        assertFalse(store.queue("too late"));
        store.sync();
        assertEquals(0, store.messageCount(id));
    }

    @EveryStore
    void shouldDoNothingWhenStoppingWithoutSession(StoreUnderTest kind) {
        ServerStore store = kind.open();
        store.stopSession();
        assertEquals(List.of(), store.availableSessions());
    }

    // --- order --------------------------------------------------------------------------------

    @EveryStore
    void shouldReturnMessagesInQueueOrder(StoreUnderTest kind) {
        ServerStore store = kind.open();
        long id = store.startSession();
        List<String> messages = numbered(1, 5_000);
        queueEach(store, messages.subList(0, 2_500));
        assertEquals(2_500, store.queueAll(messages.subList(2_500, 5_000)));
        store.stopSession();
        assertEquals(messages, store.allFromSession(id));
        assertEquals(5_000, store.messageCount(id));
    }

    @EveryStore
    void shouldKeepEachThreadsOrderWithConcurrentWriters(StoreUnderTest kind) throws InterruptedException {
        ServerStore store = kind.open();
        long id = store.startSession();
        int threads = 4;
        int perThread = 25_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        List<Integer> refused = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    String message = thread + ":" + i;
                    if (i % 100 == 0 ? store.queueAll(List.of(message)) != 1 : !store.queue(message)) {
                        refused.add(i);
                    }
                }
            });
            writers.add(writer);
            writer.start();
        }
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        store.sync();
        assertEquals(List.of(), refused);
        List<String> all = store.allFromSession(id);
        assertEquals(threads * perThread, all.size());
        int[] next = new int[threads];
        for (String message : all) {
            String[] parts = message.split(":");
            int thread = Integer.parseInt(parts[0]);
            assertEquals(next[thread], Integer.parseInt(parts[1]), "order of thread " + thread);
            next[thread]++;
        }
        store.stopSession();
    }

    // --- reads --------------------------------------------------------------------------------

    @EveryStore
    void shouldReturnLastTenOfCurrentSession(StoreUnderTest kind) {
        ServerStore store = kind.open();
        assertEquals(List.of(), store.lastTen(), "no session");
        store.startSession();
        queueEach(store, numbered(1, 3));
        assertEquals(numbered(1, 3), store.lastTen());
        queueEach(store, numbered(4, 15));
        assertEquals(numbered(6, 15), store.lastTen());
        store.stopSession();
        assertEquals(List.of(), store.lastTen(), "no session after stop");
    }

    @EveryStore
    void shouldReturnLatestOnlyOnce(StoreUnderTest kind) {
        ServerStore store = kind.open();
        long id = store.startSession();
        assertEquals(Optional.empty(), store.latestFromSession(id), "nothing queued");
        store.queue("first");
        store.queue("second");
        assertEquals(Optional.of("second"), store.latestFromSession(id));
        assertEquals(Optional.empty(), store.latestFromSession(id), "no new message since");
        store.queue("third");
        assertEquals(Optional.of("third"), store.latestFromSession(id));
        assertEquals(Optional.empty(), store.latestFromSession(id));
        assertEquals(Optional.empty(), store.latestFromSession(999), "unknown session");
        store.stopSession();
    }

    @EveryStore
    void shouldStreamSessionInChunksFromAnyIndex(StoreUnderTest kind) {
        ServerStore store = kind.open();
        long id = store.startSession();
        List<String> messages = numbered(0, 4_999);
        store.queueAll(messages);
        store.stopSession();

        List<Integer> sizes = new ArrayList<>();
        List<String> read = new ArrayList<>();
        assertEquals(5_000, store.readSession(id, 0, 1_000, chunk -> {
            sizes.add(chunk.size());
            read.addAll(chunk);
        }));
        assertEquals(List.of(1_000, 1_000, 1_000, 1_000, 1_000), sizes);
        assertEquals(messages, read);

        for (int from : new int[] { 1, 1_023, 1_024, 1_025, 3_333, 4_999 }) {
            List<String> tail = new ArrayList<>();
            assertEquals(5_000 - from, store.readSession(id, from, 777, tail::addAll), "from " + from);
            assertEquals(messages.subList(from, 5_000), tail, "from " + from);
        }
        List<String> none = new ArrayList<>();
        assertEquals(0, store.readSession(id, 5_000, 10, none::addAll));
        assertEquals(0, store.readSession(id, 123_456, 10, none::addAll));
        assertEquals(List.of(), none);
        assertThrows(IllegalArgumentException.class, () -> store.readSession(id, -1, 10, chunk -> { }));
        assertThrows(IllegalArgumentException.class, () -> store.readSession(id, 0, 0, chunk -> { }));
    }

    @EveryStore
    void shouldKeepSessionsIsolated(StoreUnderTest kind) {
        ServerStore store = kind.open();
        long first = store.startSession();
        queueEach(store, List.of("a1", "a2"));
        long second = store.startSession();
        queueEach(store, List.of("b1", "b2", "b3"));
        store.stopSession();
        assertEquals(List.of("a1", "a2"), store.allFromSession(first));
        assertEquals(List.of("b1", "b2", "b3"), store.allFromSession(second));
        assertEquals(2, store.messageCount(first));
        assertEquals(3, store.messageCount(second));
    }

    @EveryStore
    void shouldListSessionsNewestFirst(StoreUnderTest kind) {
        ServerStore store = kind.open();
        assertEquals(List.of(), store.availableSessions());
        store.startSession();
        store.startSession();
        store.startSession();
        store.stopSession();
        assertEquals(List.of(3L, 2L, 1L), store.availableSessions());
    }

    @EveryStore
    void shouldBuildClientSessionList(StoreUnderTest kind) {
        ServerStore store = kind.open();
        long before = System.currentTimeMillis();
        long first = store.startSession();
        queueEach(store, List.of("x", "y"));
        store.stopSession();
        long second = store.startSession();
        store.queue("z");
        long after = System.currentTimeMillis();

        List<SessionSummary> list = store.clientSessionList();
        assertEquals(2, list.size());
        SessionSummary running = list.get(0);
        SessionSummary stopped = list.get(1);
        assertEquals(second, running.id());
        assertEquals(OptionalLong.empty(), running.end());
        assertEquals(1, running.count());
        assertTrue(running.toLine().matches(second + " \\d+ None 1"), running.toLine());
        assertEquals(first, stopped.id());
        assertEquals(2, stopped.count());
        assertTrue(stopped.start() >= before && stopped.end().getAsLong() >= stopped.start() && stopped.end().getAsLong() <= after);
        assertEquals(stopped.id() + " " + stopped.start() + " " + stopped.end().getAsLong() + " 2", stopped.toLine());
        assertEquals(Optional.of(stopped), store.session(first));
        assertEquals(Optional.empty(), store.session(42));
        store.stopSession();
    }

    // --- delete and flush ---------------------------------------------------------------------

    @EveryStore
    void shouldDeleteOneSessionAndKeepTheOthers(StoreUnderTest kind) {
        ServerStore store = kind.open();
        long first = store.startSession();
        store.queue("keep");
        long second = store.startSession();
        store.queue("drop");
        store.stopSession();
        assertTrue(store.deleteSession(second));
        assertFalse(store.deleteSession(second), "already deleted");
        assertFalse(store.deleteSession(77), "never existed");
        assertEquals(List.of(first), store.availableSessions());
        assertEquals(List.of(), store.allFromSession(second));
        assertEquals(0, store.messageCount(second));
        assertEquals(Optional.empty(), store.session(second));
        assertEquals(List.of("keep"), store.allFromSession(first));
    }

    @EveryStore
    void shouldStopRunningSessionWhenDeletingIt(StoreUnderTest kind) {
        ServerStore store = kind.open();
        long id = store.startSession();
        queueEach(store, numbered(1, 100));
        assertTrue(store.deleteSession(id));
        assertEquals(OptionalLong.empty(), store.currentSession());
        assertFalse(store.queue("after delete"));
        assertEquals(List.of(), store.availableSessions());
        assertEquals(0, store.messageCount(id));
        assertEquals(id + 1, store.startSession());
        store.stopSession();
    }

    @EveryStore
    void shouldRefuseFlushWithoutConfirmationAndKeepData(StoreUnderTest kind) {
        ServerStore store = kind.open();
        long id = store.startSession();
        store.queue("precious");
        store.stopSession();
        assertThrows(IllegalArgumentException.class, () -> store.flush("yes"));
        assertThrows(IllegalArgumentException.class, () -> store.flush(null));
        assertThrows(IllegalArgumentException.class, () -> store.flush(ServerStore.FLUSH_CONFIRMATION.toLowerCase()));
        assertEquals(List.of("precious"), store.allFromSession(id));
        assertEquals(List.of(id), store.availableSessions());
    }

    @EveryStore
    void shouldFlushEverythingAndResetIds(StoreUnderTest kind) {
        ServerStore store = kind.open();
        store.startSession();
        store.queue("gone");
        store.startSession();
        store.flush(ServerStore.FLUSH_CONFIRMATION);
        assertEquals(OptionalLong.empty(), store.currentSession());
        assertEquals(List.of(), store.availableSessions());
        assertEquals(List.of(), store.clientSessionList());
        assertEquals(0, store.messageCount(1));
        assertEquals(1, store.startSession());
        store.queue("new");
        store.stopSession();
        assertEquals(List.of("new"), store.allFromSession(1));
    }

    // --- bad input ----------------------------------------------------------------------------

    @EveryStore
    void shouldReadUnknownSessionAsEmpty(StoreUnderTest kind) {
        ServerStore store = kind.open();
        assertEquals(List.of(), store.allFromSession(12345));
        assertEquals(0, store.messageCount(12345));
        assertEquals(0, store.readSession(-3, 0, 10, chunk -> { }));
        assertEquals(Optional.empty(), store.latestFromSession(12345));
        assertEquals(Optional.empty(), store.session(12345));
    }

    @EveryStore
    void shouldRefuseNullEmptyAndOversizedMessages(StoreUnderTest kind) {
        ServerStore store = kind.open();
        long id = store.startSession();
        char[] longest = new char[ServerStore.MAX_MESSAGE_LENGTH];
        Arrays.fill(longest, 'é');
        String largest = new String(longest);
        String tooLarge = largest + "x";
        assertFalse(store.queue(null));
        assertFalse(store.queue(""));
        assertFalse(store.queue(tooLarge));
        assertTrue(store.queue(largest));
        assertTrue(store.queue("ünïcödé ✓ 𝄞"));
        assertEquals(2, store.queueAll(Arrays.asList("a", null, "", tooLarge, "b")));
        store.stopSession();
        assertEquals(List.of(largest, "ünïcödé ✓ 𝄞", "a", "b"), store.allFromSession(id));
    }

    // --- durability and health ----------------------------------------------------------------

    @EveryStore
    void shouldKeepEverythingAcrossRestart(StoreUnderTest kind) {
        ServerStore store = kind.open();
        long stopped = store.startSession();
        store.queueAll(numbered(1, 3_000));
        store.stopSession();
        long running = store.startSession();
        store.queueAll(List.of("r1", "r2"));
        store.sync();
        SessionSummary stoppedBefore = store.session(stopped).orElseThrow();

        ServerStore reopened = kind.restart();
        assertEquals(OptionalLong.empty(), reopened.currentSession(), "no session runs after a restart");
        assertEquals(List.of(running, stopped), reopened.availableSessions());
        assertEquals(numbered(1, 3_000), reopened.allFromSession(stopped));
        assertEquals(List.of("r1", "r2"), reopened.allFromSession(running));
        assertEquals(Optional.of(stoppedBefore), reopened.session(stopped));
        assertEquals(OptionalLong.empty(), reopened.session(running).orElseThrow().end(), "never stopped: end stays None");
        assertEquals(running + 1, reopened.startSession(), "the counter survives");
        reopened.queue("after restart");
        reopened.stopSession();
        assertEquals(List.of("after restart"), reopened.allFromSession(running + 1));
    }

    @EveryStore
    void shouldReportHealth(StoreUnderTest kind) {
        ServerStore store = kind.open();
        store.startSession();
        store.queueAll(numbered(1, 1_000));
        store.sync();
        StoreHealth health = store.health();
        assertTrue(health.connected(), health.detail());
        assertEquals(0, health.bufferedMessages());
        assertEquals(0, health.spooledMessages());
        assertTrue(health.detail().contains("ok"), health.detail());
        store.stopSession();
    }
}
