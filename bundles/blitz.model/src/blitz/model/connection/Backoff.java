// SPDX-License-Identifier: EPL-2.0
package blitz.model.connection;

/**
 * Delays between reconnect attempts: a first delay, doubling after each attempt up to a longest delay,
 * back to the first after a success. Not thread-safe (one worker uses it).
 */
public final class Backoff {
    private static final int MAX_DOUBLINGS = 30;

    private final long firstDelayMs;
    private final long maxDelayMs;
    private int attempt;

    /**
     * @param firstDelayMs the delay before the first attempt, at least 1
     * @param maxDelayMs   the longest delay; raised to {@code firstDelayMs} when below
     */
    public Backoff(long firstDelayMs, long maxDelayMs) {
        this.firstDelayMs = Math.max(1, firstDelayMs);
        this.maxDelayMs = Math.max(this.firstDelayMs, maxDelayMs);
    }

    /** @return the delay before the next attempt; each call doubles the one after, up to the longest */
    public long nextDelayMs() {
        int doublings = Math.min(attempt, MAX_DOUBLINGS);
        attempt++;
        return firstDelayMs > maxDelayMs >> doublings ? maxDelayMs : firstDelayMs << doublings;
    }

    /** After a success: the next delay is the first one again. */
    public void reset() {
        attempt = 0;
    }
}
