// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import blitz.model.Reading;
import blitz.model.SessionSummary;
import blitz.model.client.ReadingBatch;

/** Raw messages kept beside readings: the resumable download chunks and streaming reads. */
class RawMessagesTest extends MemoryStoreTest {
    @Override
    List<SessionSummary> sessions() {
        return List.of(new SessionSummary(7, 1000, OptionalLong.of(2000), 5));
    }

    private static List<String> lines(int from, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            lines.add("line-" + i);
        }
        return lines;
    }

    private static ReadingBatch readings(long category, int from, int count) {
        ReadingBatch batch = new ReadingBatch(count);
        for (int i = from; i < from + count; i++) {
            batch.add(i, category, i * 1.5);
        }
        return batch;
    }

    @Test
    void shouldStoreChunksInOrderAndResumeWhereTheyEnd() {
        long category = store.getOrCreateCategory("x");
        assertEquals(0, store.rawMessageCount(7));
        store.addDownloadChunk(7, 0, lines(0, 3), readings(category, 0, 3));
        store.addDownloadChunk(7, 3, lines(3, 2), readings(category, 3, 2));
        assertEquals(5, store.rawMessageCount(7));
        List<String> read = new ArrayList<>();
        assertEquals(5, store.readRawMessages(7, 0, 2, read::addAll));
        assertEquals(lines(0, 5), read);
        List<String> tail = new ArrayList<>();
        store.readRawMessages(7, 3, 10, tail::addAll);
        assertEquals(lines(3, 2), tail);
        assertEquals(5, store.getSessionReadings(7).size());
    }

    @Test
    void shouldRefuseAChunkThatWouldDuplicateOrLeaveAHoleAndStoreNothingOfIt() {
        long category = store.getOrCreateCategory("x");
        store.addDownloadChunk(7, 0, lines(0, 3), readings(category, 0, 3));
        assertThrows(IllegalStateException.class, () -> store.addDownloadChunk(7, 2, lines(2, 2), readings(category, 2, 2)));
        assertThrows(IllegalStateException.class, () -> store.addDownloadChunk(7, 4, lines(4, 2), readings(category, 4, 2)));
        assertEquals(3, store.rawMessageCount(7));
        assertEquals(3, store.getSessionReadings(7).size(), "the refused chunk's readings are not stored either");
    }

    @Test
    void shouldRollBackTheRawLinesWhenTheReadingsFail() {
        long category = store.getOrCreateCategory("x");
        ReadingBatch bad = readings(category, 0, 2);
        bad.add(3, category, Double.NaN);
        assertThrows(RuntimeException.class, () -> store.addDownloadChunk(7, 0, lines(0, 3), bad));
        assertEquals(0, store.rawMessageCount(7), "a chunk is visible whole or not at all");
    }

    @Test
    void shouldStreamReadingsInTimeOrderInChunks() {
        long a = store.getOrCreateCategory("a");
        long b = store.getOrCreateCategory("b");
        ReadingBatch batch = new ReadingBatch(10);
        for (int i = 9; i >= 0; i--) {
            batch.add(i * 10, i % 2 == 0 ? a : b, i);
        }
        store.addReadings(7, batch);
        List<Integer> sizes = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        assertEquals(10, store.forEachSessionReading(7, 4, chunk -> {
            sizes.add(chunk.size());
            chunk.stream().map(Reading::timeLogged).forEach(times::add);
        }));
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(List.of(0L, 10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L), times);
    }

    @Test
    void shouldKeepRawMessagesWhenOnlyReadingsAreClearedAndDropThemWithTheSession() {
        long category = store.getOrCreateCategory("x");
        store.addDownloadChunk(7, 0, lines(0, 3), readings(category, 0, 3));
        store.clearSessionReadings(7);
        assertEquals(0, store.getSessionReadings(7).size());
        assertEquals(3, store.rawMessageCount(7), "kept for a re-decode");
        store.clearSessionData(7);
        assertEquals(0, store.rawMessageCount(7));
        store.addDownloadChunk(7, 0, lines(0, 3), readings(category, 0, 3));
        store.deleteSession(7);
        assertEquals(0, store.rawMessageCount(7));
        assertFalse(store.getSession(7).isPresent());
    }

    @Test
    void shouldDropRawMessagesOfSessionsNoLongerListed() {
        long category = store.getOrCreateCategory("x");
        store.addDownloadChunk(7, 0, lines(0, 3), readings(category, 0, 3));
        store.updateSessionList(List.of(new SessionSummary(7, 1000, OptionalLong.of(2000), 5)));
        assertEquals(3, store.rawMessageCount(7), "still listed: kept");
        assertTrue(store.getSession(7).orElseThrow().available());
        store.updateSessionList(List.of());
        assertEquals(0, store.rawMessageCount(7));
    }
}
