// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import blitz.model.Category;
import blitz.model.Reading;
import blitz.model.client.Bucket;
import blitz.model.client.ReadingBatch;

/** The bulk download path and the pixel-resolution query, checked against brute force. */
class BulkAndBucketTest extends MemoryStoreTest {

    @Test
    void bulkChunkOfAHundredThousand() {
        long one = store.getOrCreateCategory("one");
        long two = store.getOrCreateCategory("two");
        Reading single = store.addReading(9, -1, one, -1.0);
        ReadingBatch batch = new ReadingBatch(1000);
        for (int i = 0; i < 100_000; i++) {
            batch.add(i / 2, i % 2 == 0 ? one : two, i * 0.001 + 1e-9);
        }
        assertEquals(100_000, store.addReadings(9, batch));
        Reading afterBulk = store.addReading(9, 1_000_000, one, 2.0);

        List<Reading> readings = store.getSessionReadings(9);
        assertEquals(100_002, readings.size());
        Set<Long> ids = new HashSet<>();
        readings.forEach(r -> ids.add(r.id()));
        assertEquals(100_002, ids.size(), "ids are unique across JPA and bulk inserts");
        assertTrue(afterBulk.id() > single.id());
        Reading some = readings.get(12_346);
        assertEquals(6172, some.timeLogged());
        assertEquals(12_345 * 0.001 + 1e-9, some.value(), "full precision");
        assertEquals(Set.of("one", "two"),
                Set.copyOf(store.getSessionVariables(9).stream().map(Category::variableName).toList()));
        assertEquals(-1, store.sessionTimeRange(9).orElseThrow().first());
        assertEquals(0, store.addReadings(9, new ReadingBatch(0)));
    }

    @Test
    void aBadChunkIsRefusedWholeAndNothingOfItIsStored() {
        ReadingBatch batch = new ReadingBatch(3000);
        for (int i = 0; i < 3000; i++) {
            batch.add(i, 1, i == 2500 ? Double.NaN : i);
        }
        assertThrows(RuntimeException.class, () -> store.addReadings(4, batch));
        assertEquals(0, store.getSessionReadings(4).size());
        batch.clear();
        batch.add(1, 1, 1.0);
        assertEquals(1, store.addReadings(4, batch), "the store works on after a refused chunk");
    }

    @Test
    void bucketsMatchBruteForceOnRandomData() {
        Random random = new Random(42);
        long category = store.getOrCreateCategory("noise");
        long other = store.getOrCreateCategory("other");
        ReadingBatch batch = new ReadingBatch(20_000);
        for (int i = 0; i < 20_000; i++) {
            // few distinct times, so several readings share a time (ties resolved by id)
            batch.add(random.nextInt(50_000), random.nextBoolean() ? category : other, random.nextGaussian());
        }
        store.addReadings(5, batch);
        store.addReading(6, 100, category, 99.0);
        List<Reading> all = store.getSessionReadings(5).stream().filter(r -> r.categoryId() == category).toList();

        long[][] ranges = { { 0, 50_000 }, { 0, 60_000 }, { 1234, 4321 }, { 49_990, 50_000 }, { -500, 10 },
                { 7, 8 } };
        int[] widths = { 1, 7, 100, 1000, 100_000 };
        for (long[] range : ranges) {
            for (int width : widths) {
                assertEquals(bruteForce(all, range[0], range[1], width),
                        store.buckets(5, category, range[0], range[1], width),
                        "range " + range[0] + ".." + range[1] + " width " + width);
            }
        }
    }

    @Test
    void bucketEdgeCases() {
        long category = store.getOrCreateCategory("x");
        assertEquals(List.of(), store.buckets(1, category, 0, 100, 10), "no readings");
        store.addReading(1, 50, category, 3.0);
        assertEquals(List.of(), store.buckets(1, category, 100, 100, 10), "empty range");
        assertEquals(List.of(), store.buckets(1, category, 200, 100, 10), "reversed range");
        assertEquals(List.of(new Bucket(0, 100, 1, 3.0, 3.0, 3.0, 3.0, 50, 50)),
                store.buckets(1, category, 0, 100, 1));
        assertEquals(List.of(new Bucket(50, 51, 1, 3.0, 3.0, 3.0, 3.0, 50, 50)),
                store.buckets(1, category, 50, 51, 5));
        assertEquals(1, store.buckets(1, category, 0, Long.MAX_VALUE, 1000).get(0).count());
        assertThrows(IllegalArgumentException.class, () -> store.buckets(1, category, 0, 100, 0));
    }

    /** The definition: bucket i is [from + i*w, from + (i+1)*w) with w = ceil((to-from)/width). */
    static List<Bucket> bruteForce(List<Reading> readingsByTimeThenId, long from, long to, int width) {
        long span = to - from;
        long w = span / width + (span % width == 0 ? 0 : 1);
        List<Bucket> buckets = new ArrayList<>();
        List<Reading> current = new ArrayList<>();
        long currentIndex = -1;
        for (Reading r : readingsByTimeThenId) {
            if (r.timeLogged() < from || r.timeLogged() >= to) {
                continue;
            }
            long index = (r.timeLogged() - from) / w;
            if (index != currentIndex && !current.isEmpty()) {
                buckets.add(bucket(current, from, to, w, currentIndex));
                current.clear();
            }
            currentIndex = index;
            current.add(r);
        }
        if (!current.isEmpty()) {
            buckets.add(bucket(current, from, to, w, currentIndex));
        }
        return buckets;
    }

    private static Bucket bucket(List<Reading> readings, long from, long to, long w, long index) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Reading r : readings) {
            min = Math.min(min, r.value());
            max = Math.max(max, r.value());
        }
        Reading first = readings.get(0);
        Reading last = readings.get(readings.size() - 1);
        long start = from + index * w;
        return new Bucket(start, Math.min(start + w, to), readings.size(), min, max, first.value(), last.value(),
                first.timeLogged(), last.timeLogged());
    }
}
