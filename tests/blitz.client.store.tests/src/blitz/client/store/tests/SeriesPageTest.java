// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import blitz.model.Reading;
import blitz.model.SessionSummary;
import blitz.model.client.ReadingBatch;

/** Pages of one variable's readings in time order, from any position (what a replay walks). */
class SeriesPageTest extends MemoryStoreTest {
    @Override
    List<SessionSummary> sessions() {
        return List.of(new SessionSummary(7, 1000, OptionalLong.of(2000), 5),
                new SessionSummary(8, 1000, OptionalLong.of(2000), 5));
    }

    @Test
    void shouldWalkOneVariableInTimeThenIdOrderAcrossEqualTimes() {
        long x = store.getOrCreateCategory("x");
        long y = store.getOrCreateCategory("y");
        ReadingBatch batch = new ReadingBatch(64);
        // out of time order, three readings per time stamp, another variable and another session between
        for (int i = 9; i >= 0; i--) {
            for (int k = 0; k < 3; k++) {
                batch.add(i * 10, x, i * 100 + k);
                batch.add(i * 10, y, -1);
            }
        }
        store.addReadings(7, batch);
        ReadingBatch other = new ReadingBatch(4);
        other.add(50, x, -2);
        store.addReadings(8, other);

        List<Reading> walked = new ArrayList<>();
        long afterTime = Long.MIN_VALUE;
        long afterId = Long.MIN_VALUE;
        List<Integer> pageSizes = new ArrayList<>();
        while (true) {
            List<Reading> page = store.seriesPage(7, x, afterTime, afterId, 4);
            pageSizes.add(page.size());
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            Reading last = page.get(page.size() - 1);
            afterTime = last.timeLogged();
            afterId = last.id();
        }
        assertEquals(List.of(4, 4, 4, 4, 4, 4, 4, 2, 0), pageSizes, "pages of 4 until the 30 readings are done");
        assertEquals(30, walked.size());
        List<Reading> expected = store.getSessionReadings(7).stream().filter(r -> r.categoryId() == x).toList();
        assertEquals(expected, walked, "the same readings, in the store's time-then-id order");
        assertTrue(walked.stream().allMatch(r -> r.sessionId() == 7 && r.categoryId() == x));
    }

    @Test
    void shouldStartAtATimeWithTheSmallestId() {
        long x = store.getOrCreateCategory("x");
        ReadingBatch batch = new ReadingBatch(16);
        for (int i = 0; i < 10; i++) {
            batch.add(i * 10, x, i);
        }
        store.addReadings(7, batch);
        assertEquals(List.of(4.0, 5.0, 6.0), values(store.seriesPage(7, x, 40, Long.MIN_VALUE, 3)),
                "from time 40 inclusive");
        assertEquals(List.of(5.0, 6.0), values(store.seriesPage(7, x, 41, Long.MIN_VALUE, 2)), "between stamps");
        assertEquals(List.of(), store.seriesPage(7, x, 1000, Long.MIN_VALUE, 5), "after the end");
        assertEquals(List.of(), store.seriesPage(9, x, Long.MIN_VALUE, Long.MIN_VALUE, 5), "unknown session");
        assertThrows(IllegalArgumentException.class, () -> store.seriesPage(7, x, 0, 0, 0));
    }

    /** A page deep into a long series costs about what the first page costs: no scan from the start. */
    @Test
    void shouldReadAPageDeepInALongSeriesWithoutScanningFromTheStart() {
        long x = store.getOrCreateCategory("x");
        long y = store.getOrCreateCategory("y");
        int count = 100_000;
        for (int from = 0; from < count; from += 50_000) {
            ReadingBatch batch = new ReadingBatch(100_000);
            for (int i = from; i < from + 50_000; i++) {
                batch.add(i, x, i);
                batch.add(i, y, -i);
            }
            store.addReadings(7, batch);
        }
        long nearStart = medianNanos(() -> store.seriesPage(7, x, 10, Long.MIN_VALUE, 1000));
        long nearEnd = medianNanos(() -> store.seriesPage(7, x, count - 2000, Long.MIN_VALUE, 1000));
        long whole = medianNanos(() -> store.forEachSessionReading(7, 10_000, chunk -> { }), 1);
        System.out.printf("seriesPage of 1000: near the start %.2f ms, near the end of %d %.2f ms; "
                + "streaming the session's %d readings %.0f ms (loaded machine)%n", nearStart / 1e6, count,
                nearEnd / 1e6, 2 * count, whole / 1e6);
        assertEquals(List.of((double) count - 2000, (double) count - 1999),
                values(store.seriesPage(7, x, count - 2000, Long.MIN_VALUE, 2)));
        // a scan from the start would read ~100 times the rows of one page; allow noise, not that
        assertTrue(nearEnd < 10 * nearStart + 5_000_000, "a deep page took " + nearEnd / 1e6
                + " ms, the first one " + nearStart / 1e6 + " ms");
        assertTrue(nearEnd * 20 < whole, "a page is a small part of a full pass: " + nearEnd / 1e6 + " ms vs "
                + whole / 1e6 + " ms");
    }

    private static long medianNanos(Runnable work) {
        return medianNanos(work, 7);
    }

    private static long medianNanos(Runnable work, int runs) {
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    private static List<Double> values(List<Reading> readings) {
        return readings.stream().map(Reading::value).toList();
    }
}
