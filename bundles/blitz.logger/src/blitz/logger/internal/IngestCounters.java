// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import blitz.logger.BoardStatistics;
import blitz.logger.RuntimeStatistics;
import blitz.model.decoder.DecodeResult;
import blitz.model.source.LossEvent;

/** The runtime's counters: its own, on the ingest path, and one {@link BoardCounter} per board seen. Thread-safe. */
final class IngestCounters {
    private final Map<Integer, BoardCounter> boards = new ConcurrentHashMap<>();
    private final LongAdder received = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder undecodable = new LongAdder();
    private final LongAdder unknownBoard = new LongAdder();
    private final LongAdder lossEvents = new LongAdder();

    /** Counts a received line by how it decoded, and its board's message when it names one. */
    void received(String sourceId, DecodeResult result, long nowMs) {
        received.increment();
        if (result.message() != null) {
            int boardId = result.message().sender();
            BoardCounter counter = boards.get(boardId);
            if (counter == null) {
                // only the first message of a board pays for the capturing lambda
                counter = boards.computeIfAbsent(boardId, id -> new BoardCounter(id, sourceId));
            }
            counter.message(sourceId, nowMs);
        }
        switch (result.status()) {
            case MALFORMED, REJECTED -> undecodable.increment();
            case UNKNOWN_BOARD -> unknownBoard.increment();
            case DECODED -> { }
        }
    }

    /** Counts a line the session's store accepted ({@code true}) or refused. */
    void queued(boolean accepted) {
        (accepted ? stored : refused).increment();
    }

    void loss(String sourceId, LossEvent event) {
        lossEvents.increment();
        if (event.boardId() >= 0 && event.boardId() <= 0xFF) {
            boards.computeIfAbsent(event.boardId(), id -> new BoardCounter(id, sourceId)).lost(event.count());
        }
    }

    /** @return the source each board was last seen on, by board id */
    Map<Integer, String> boardHolders() {
        Map<Integer, String> holders = new TreeMap<>();
        boards.forEach((id, counter) -> holders.put(id, counter.sourceId()));
        return holders;
    }

    /** @return the boards last seen on a source, ordered by id */
    Set<Integer> boardsSeenOn(String sourceId) {
        Set<Integer> seen = new TreeSet<>();
        boards.forEach((id, counter) -> {
            if (sourceId.equals(counter.sourceId())) {
                seen.add(id);
            }
        });
        return seen;
    }

    /** @return a board's measured message rate, 0 for a board never seen */
    double measuredRate(int boardId, long nowMs) {
        BoardCounter counter = boards.get(boardId);
        return counter == null ? 0 : counter.measuredRate(nowMs);
    }

    List<BoardStatistics> boardStatistics() {
        long now = System.currentTimeMillis();
        return new TreeMap<>(boards).values().stream().map(counter -> counter.snapshot(now)).toList();
    }

    RuntimeStatistics statistics() {
        return new RuntimeStatistics(received.sum(), stored.sum(), refused.sum(), undecodable.sum(), unknownBoard.sum(),
                lossEvents.sum());
    }
}
