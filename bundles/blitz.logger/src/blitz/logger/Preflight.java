// SPDX-License-Identifier: EPL-2.0
package blitz.logger;

import java.util.List;

/**
 * The verdict of the pre-flight check: whether the planned boards and rates can be sustained.
 *
 * <p>The check, per source: each board's message rate (the configured rate, or the rate measured
 * over the last minute when higher) times the line length (about 30 characters with CR LF) times
 * 10 bits per byte must fit the baud rate, with a margin; the messages a board buffers between two
 * polls (rate x polling period) must fit its buffer (the firmware's 180 messages by default),
 * because a full circular buffer silently overwrites its oldest messages; and the store must answer.
 *
 * @param verdict   the outcome
 * @param reasons   why the verdict is not {@link Verdict#OK}, one sentence each; empty when OK
 * @param lines     the figures behind it, one line per source and board, for a human to read
 */
public record Preflight(Verdict verdict, List<String> reasons, List<String> lines) {

    public enum Verdict {
        /** The plan fits with margin. */
        OK,
        /** The session can start but data will (or may) be lost: see the reasons. */
        WARNING,
        /** The store does not answer: no session can start. */
        UNAVAILABLE
    }

    public Preflight {
        reasons = List.copyOf(reasons);
        lines = List.copyOf(lines);
    }

    /** @return the verdict and reasons on one line, e.g. for a log or a protocol reply */
    public String summary() {
        return reasons.isEmpty() ? verdict.name() : verdict + ": " + String.join(" ", reasons);
    }
}
