// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import blitz.model.Category;
import blitz.model.Reading;
import blitz.model.SessionSummary;
import blitz.model.client.ClientStore;
import blitz.model.client.ReadingBatch;
import blitz.model.client.TimeSpan;

/**
 * The plot summary (tiles) kept through every way readings come and go: in-order and out-of-order
 * chunks, single inserts, clears and deletes. Buckets, time range and variables are compared with
 * brute force over the stored readings. Tiles of 16 readings, so wide buckets take the tile path.
 */
class TileSummaryTest {
    private static final int TILE = 16;
    private static ClientStore store;
    private final Random random = new Random(7);
    private long a;
    private long b;
    /** Next time of an in-order chunk, per session. */
    private final long[] clock = new long[4];

    @BeforeAll
    static void startStore() {
        store = StoreService.configure("memory", TILE);
    }

    @BeforeEach
    void emptyStore() {
        store.createTables(true);
        a = store.getOrCreateCategory("a");
        b = store.getOrCreateCategory("b");
    }

    /** A chunk of two interleaved variables; many readings share a time (ties go by id). */
    private ReadingBatch chunk(long firstTime, int size) {
        ReadingBatch batch = new ReadingBatch(size);
        long time = firstTime;
        for (int i = 0; i < size; i++) {
            time += random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 0;
            batch.add(time, random.nextInt(3) == 0 ? b : a, random.nextGaussian());
        }
        return batch;
    }

    private void inOrder(int session, int size) {
        ReadingBatch batch = chunk(clock[session], size);
        clock[session] = batch.timeLogged(size - 1);
        store.addReadings(session, batch);
    }

    @Test
    void downloadsInOrderThenOutOfOrderAndSingleInserts() {
        for (int i = 0; i < 10; i++) {
            inOrder(1, 8_000 + random.nextInt(100));
        }
        // a download chunk (raw lines beside readings) takes the same path
        ReadingBatch download = chunk(clock[1], 3_000);
        clock[1] = download.timeLogged(2_999);
        store.addDownloadChunk(1, 0, List.of("line 0", "line 1"), download);
        checkSession(1);

        // single inserts anywhere make the series stale; the next query rebuilds it
        store.addReading(1, clock[1] / 2, a, 100.0);
        store.addReading(1, -5, b, -100.0);
        store.addReading(1, clock[1] / 3, a, 1e-9);
        checkSession(1);
        inOrder(1, 3_001); // appends to the rebuilt tiles, into a partial last tile
        checkSession(1);

        // an out-of-order chunk, then an in-order one before any query
        store.addReadings(1, chunk(clock[1] / 4, 10_000));
        inOrder(1, 4_000);
        checkSession(1);
        inOrder(1, 2_000);
        checkSession(1);
    }

    @Test
    void clearsAndDeletesDropTheSummary() {
        for (int session = 1; session <= 3; session++) {
            for (int i = 0; i < 4; i++) {
                inOrder(session, 5_000);
            }
        }
        store.clearSessionReadings(2);
        checkSession(2);
        checkSession(1);
        inOrder(2, 15_000);
        checkSession(2);
        store.clearSessionData(1);
        checkSession(1);
        store.deleteSession(2);
        checkSession(2);
        store.updateSessionList(List.of(new SessionSummary(1, 0, OptionalLong.empty(), 0)));
        checkSession(3);
        clock[1] = 0;
        inOrder(1, 10_000);
        checkSession(1);
    }

    @Test
    void recreatingTheTablesDropsTheSummary() {
        inOrder(1, 10_000);
        checkSession(1);
        store.createTables(true);
        a = store.getOrCreateCategory("a");
        b = store.getOrCreateCategory("b");
        checkSession(1);
    }

    /** Every variable of a session against brute force, on ranges and widths that take both paths. */
    private void checkSession(long session) {
        List<Reading> all = new ArrayList<>();
        store.forEachSessionReading(session, 50_000, all::addAll);
        TreeSet<Long> variables = new TreeSet<>();
        all.forEach(r -> variables.add(r.categoryId()));
        assertEquals(List.copyOf(variables), store.getSessionVariables(session).stream().map(Category::id).toList(),
                "variables of session " + session);
        if (all.isEmpty()) {
            assertTrue(store.sessionTimeRange(session).isEmpty(), "no time range without readings");
            assertEquals(List.of(), store.buckets(session, a, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, 100));
            return;
        }
        long min = all.stream().mapToLong(Reading::timeLogged).min().orElseThrow();
        long max = all.stream().mapToLong(Reading::timeLogged).max().orElseThrow();
        assertEquals(new TimeSpan(min, max), store.sessionTimeRange(session).orElseThrow(), "time range");
        long span = max + 1 - min;
        long[][] ranges = { { min, max + 1 }, { min - 1000, max + 1000 }, { min + span / 3, min + span / 3 + span / 10 },
                { min + span / 2, max + 1 }, { min + 17, min + 17 + span / 100 } };
        for (long variable : variables) {
            List<Reading> series = all.stream().filter(r -> r.categoryId() == variable).toList();
            for (long[] range : ranges) {
                for (int width : new int[] { 1, 9, 100, 1000 }) {
                    assertEquals(BulkAndBucketTest.bruteForce(series, range[0], range[1], width),
                            store.buckets(session, variable, range[0], range[1], width),
                            "session " + session + ", variable " + variable + ", range " + range[0] + ".." + range[1]
                                    + ", width " + width);
                }
            }
        }
    }
}
