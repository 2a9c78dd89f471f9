// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.ArrayList;
import java.util.List;

import blitz.logger.LiveActivity.LineBatch;
import blitz.logger.LiveActivity.Received;

/**
 * The newest lines the runtime received, numbered from 1, in a fixed ring: one array write per line
 * on the ingest path. Thread-safe.
 */
final class LineRing {
    private final String[] lines;
    private final long[] receivedMs;
    /** The number of the newest line, 0 before the first. */
    private long newest;

    LineRing(int capacity) {
        this.lines = new String[Math.max(1, capacity)];
        this.receivedMs = new long[lines.length];
    }

    synchronized void add(String line, long nowMs) {
        newest++;
        lines[slot(newest)] = line;
        receivedMs[slot(newest)] = nowMs;
    }

    /** @see blitz.logger.LiveActivity#linesAfter(long, int) */
    synchronized LineBatch after(long sequence, int max) {
        if (sequence >= newest || max <= 0) {
            return new LineBatch(sequence > newest ? newest : sequence, 0, Math.max(0, newest - sequence), List.of());
        }
        long oldestKept = Math.max(1, newest - lines.length + 1);
        long first = Math.max(Math.max(0, sequence) + 1, oldestKept);
        long missed = first - (Math.max(0, sequence) + 1);
        long last = Math.min(newest, first + max - 1);
        List<Received> batch = new ArrayList<>((int) (last - first + 1));
        for (long number = first; number <= last; number++) {
            batch.add(new Received(receivedMs[slot(number)], lines[slot(number)]));
        }
        return new LineBatch(last, missed, newest - last, batch);
    }

    private int slot(long number) {
        return (int) (number % lines.length);
    }
}
