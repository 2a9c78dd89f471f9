// SPDX-License-Identifier: EPL-2.0
package blitz.source.support;

/**
 * Delays between reconnect attempts: {@value #FIRST_DELAY_MS} ms, then doubling up to a longest delay,
 * back to the first after a success. Not thread-safe (one worker uses it).
 */
public final class Backoff {
    public static final long FIRST_DELAY_MS = 100;
    private static final int MAX_DOUBLINGS = 16;

    private final long maxDelayMs;
    private int attempt;

    /** @param maxDelayMs the longest delay; raised to {@link #FIRST_DELAY_MS} when below */
    public Backoff(long maxDelayMs) {
        this.maxDelayMs = Math.max(FIRST_DELAY_MS, maxDelayMs);
    }

    /** @return the delay before the next attempt; each call doubles the one after */
    public long nextDelayMs() {
        return Math.min(maxDelayMs, FIRST_DELAY_MS << Math.min(attempt++, MAX_DOUBLINGS));
    }

    public void reset() {
        attempt = 0;
    }
}
