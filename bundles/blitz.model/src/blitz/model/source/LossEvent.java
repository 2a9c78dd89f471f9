// SPDX-License-Identifier: EPL-2.0
package blitz.model.source;

import java.util.Objects;

/**
 * Something a source saw that means data may be missing, so a user can tell "the board sent
 * nothing" from "we lost it".
 *
 * @param kind     what happened
 * @param boardId  the board concerned, or -1 when not known
 * @param count    how many messages (or lines, or occurrences) are concerned, at least 1
 * @param timeMs   epoch milliseconds when it was observed
 * @param detail   human-readable detail (the bad line's start, the error code, the reconnect cause)
 */
public record LossEvent(Kind kind, int boardId, long count, long timeMs, String detail) {

    public enum Kind {
        /** A line that was not a board message (not hex, too short, too long). */
        BAD_LINE,
        /** A board reported an error code ({@code 61}..{@code 66}, e.g. {@code 62} buffer full). */
        BOARD_ERROR,
        /** The port went away and came back: nothing was read in between. */
        RECONNECT_GAP,
        /** A numbering board's sequence skipped: {@code count} messages are missing. */
        SEQUENCE_GAP,
        /** The source itself dropped data (e.g. a full internal buffer). */
        SOURCE_OVERFLOW,
        /**
         * The runtime stopped (killed, crashed, power lost) while the session was running: nothing was
         * read from {@code timeMs} (when it was last known alive) until it started again.
         */
        RUNTIME_STOPPED,
        /** The board's time went back: it restarted, and what it had buffered may be gone. @since 1.1 */
        CLOCK_RESET,
        /** The board's 32-bit millisecond timestamp wrapped to 0 (about every 49.7 days); nothing is lost. @since 1.1 */
        CLOCK_WRAP
    }

    public LossEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1");
        }
    }
}
