// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import blitz.logger.BoardStatistics;

/** Counters of one board, with the message rate measured over roughly the last minute. Thread-safe. */
final class BoardCounter {
    private static final long RATE_WINDOW_MS = 60_000;
    private static final long MIN_MEASURE_MS = 5_000;

    private final int boardId;
    private String sourceId;
    private long messages;
    private long lastSeenMs;
    private long lost;
    private long windowStartMs;
    private long windowMessages;
    private double previousWindowRate;

    BoardCounter(int boardId, String sourceId) {
        this.boardId = boardId;
        this.sourceId = sourceId;
    }

    synchronized void message(String source, long nowMs) {
        sourceId = source;
        messages++;
        lastSeenMs = nowMs;
        if (windowStartMs == 0) {
            windowStartMs = nowMs;
        }
        long elapsed = nowMs - windowStartMs;
        if (elapsed >= RATE_WINDOW_MS) {
            previousWindowRate = windowMessages * 1000.0 / elapsed;
            windowStartMs = nowMs;
            windowMessages = 0;
        }
        windowMessages++;
    }

    synchronized void lost(long count) {
        lost += count;
    }

    synchronized String sourceId() {
        return sourceId;
    }

    /** @return messages per second over the last complete window or the current one (once long enough); 0 if unknown */
    synchronized double measuredRate(long nowMs) {
        long elapsed = nowMs - windowStartMs;
        double current = windowStartMs != 0 && elapsed >= MIN_MEASURE_MS ? windowMessages * 1000.0 / elapsed : 0;
        return Math.max(previousWindowRate, current);
    }

    synchronized BoardStatistics snapshot(long nowMs) {
        return new BoardStatistics(boardId, sourceId, messages, lastSeenMs, lost, measuredRate(nowMs));
    }
}
