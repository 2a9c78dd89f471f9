// SPDX-License-Identifier: EPL-2.0
package blitz.server.support;

/**
 * Sizes and timing of a {@link BatchingWriter}.
 *
 * @param queueCapacity   writes accepted but not yet taken by the writer thread; producers wait
 *                        (back-pressure) when it is full
 * @param maxBatch        writes taken per write cycle: bounds the latency one cycle adds
 * @param bufferLimit     writes held in memory while the backend is unavailable; beyond that they
 *                        go to the spool (or are refused when there is none)
 * @param retryIntervalMs pause between attempts to reach an unavailable backend
 */
public record WriterSettings(int queueCapacity, int maxBatch, int bufferLimit, long retryIntervalMs) {

    public static final WriterSettings DEFAULTS = new WriterSettings(262_144, 8_192, 100_000, 1_000);

    public WriterSettings {
        if (queueCapacity < 1 || maxBatch < 1 || bufferLimit < 0 || retryIntervalMs < 1) {
            throw new IllegalArgumentException("invalid writer settings: queueCapacity=" + queueCapacity
                    + " maxBatch=" + maxBatch + " bufferLimit=" + bufferLimit + " retryIntervalMs=" + retryIntervalMs);
        }
    }
}
