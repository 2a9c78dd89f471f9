// SPDX-License-Identifier: EPL-2.0
package blitz.clock;

/**
 * Something that happened to a board's clock, for the gap ledger.
 *
 * @param kind        what
 * @param hostMillis  the host receive time of the first pair after it
 * @param stampBefore the last board timestamp before it (32-bit, as received)
 * @param stampAfter  the first board timestamp after it
 * @param segment     the segment the clock is in after it (a reset starts a new one)
 */
public record ClockEvent(Kind kind, long hostMillis, long stampBefore, long stampAfter, int segment) {

    public enum Kind {
        /** The board's time went back: it restarted (a new segment begins). */
        RESET,
        /** The 32-bit millisecond counter passed 2^32 - 1 and started at 0 (about every 49.7 days). */
        WRAP
    }
}
