// SPDX-License-Identifier: EPL-2.0
package blitz.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * Follows the sequence numbers of numbered messages ({@link NumberedMessages}) per board and tells
 * how many messages went missing. Thread-safe.
 *
 * <p>Rules, with {@code expected} = the number after the last one seen from that board:
 * <ul>
 * <li>the first number from a board is {@link Kind#FIRST}: nothing is known to be missing;</li>
 * <li>{@code expected} itself is {@link Kind#IN_ORDER} (after 2<sup>32</sup>-1 the board wraps to 0);</li>
 * <li>0 when something else was expected is a {@link Kind#RESTART}: the board was reset and numbers
 * from 0 again; nothing is reported missing (what the board lost while resetting cannot be told);</li>
 * <li>a number ahead of {@code expected} by less than 2<sup>31</sup> (modulo 2<sup>32</sup>, so
 * across the wrap too) is a {@link Kind#GAP} of that many messages;</li>
 * <li>a number behind {@code expected} is also a {@link Kind#RESTART} whose first numbers were not
 * seen: {@code number} messages (0 .. number-1 of the new run) are reported missing.</li>
 * </ul>
 * In every case the next expected number becomes {@code number + 1}.
 */
public final class SequenceTracker {

    public enum Kind {
        FIRST, IN_ORDER, GAP, RESTART
    }

    /**
     * @param kind    how the number related to the expected one
     * @param missing how many messages are known to be missing (0 unless GAP or a late RESTART)
     */
    public record Step(Kind kind, long missing) {
    }

    private static final long UNSEEN = -1;
    private static final long HALF_RANGE = 1L << 31;

    private final long[] expected = new long[256];
    private final long[] missingTotal = new long[256];

    public SequenceTracker() {
        Arrays.fill(expected, UNSEEN);
    }

    /**
     * @param boardId  0..255
     * @param sequence the message's number, 0..2<sup>32</sup>-1
     * @return how this number follows the previous one from the same board
     */
    public synchronized Step observe(int boardId, long sequence) {
        Objects.checkIndex(boardId, expected.length);
        if (sequence < 0 || sequence > NumberedMessages.SEQUENCE_MASK) {
            throw new IllegalArgumentException("sequence must be an unsigned 32-bit number: " + sequence);
        }
        long previous = expected[boardId];
        expected[boardId] = (sequence + 1) & NumberedMessages.SEQUENCE_MASK;
        Step step;
        if (previous == UNSEEN) {
            step = new Step(Kind.FIRST, 0);
        } else if (sequence == previous) {
            step = new Step(Kind.IN_ORDER, 0);
        } else if (sequence == 0) {
            step = new Step(Kind.RESTART, 0);
        } else {
            long ahead = (sequence - previous) & NumberedMessages.SEQUENCE_MASK;
            step = ahead < HALF_RANGE ? new Step(Kind.GAP, ahead) : new Step(Kind.RESTART, sequence);
        }
        missingTotal[boardId] += step.missing();
        return step;
    }

    /** @return all messages reported missing for a board since it was first seen or forgotten */
    public synchronized long missing(int boardId) {
        return missingTotal[boardId];
    }

    /** Forgets a board (e.g. at the start of a new session): its next number counts as FIRST. */
    public synchronized void forget(int boardId) {
        expected[boardId] = UNSEEN;
        missingTotal[boardId] = 0;
    }

    /** Forgets every board. */
    public synchronized void forgetAll() {
        Arrays.fill(expected, UNSEEN);
        Arrays.fill(missingTotal, 0);
    }
}
