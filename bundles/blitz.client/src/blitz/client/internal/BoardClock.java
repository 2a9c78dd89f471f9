// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

/**
 * Dates a board's live messages by the board's own clock, put on this machine's: a polled board
 * hands over a burst of buffered messages at once, so their receive times bunch up, while their time
 * stamps (milliseconds since the board's session start) keep their real spacing. The offset between
 * the two is the smallest (receive time − time stamp) seen, so a message is never dated after it was
 * received; it starts again when the board's clock restarts (a new session) or when the dating falls
 * more than {@link #MAX_LAG_MS} behind the receive time (a board clock slower than ours). Not
 * thread-safe: one per board, used under the live values' lock.
 */
final class BoardClock {
    /** The most a message may be dated before its receive time: longer than a polling period. */
    static final long MAX_LAG_MS = 3_000;

    private boolean set;
    private long offset;
    private long lastBoardTime;

    /** @return when the message was sent, by this machine's clock */
    long date(long boardTime, long receivedMillis) {
        long candidate = receivedMillis - boardTime;
        if (!set || boardTime < lastBoardTime || candidate < offset || candidate - offset > MAX_LAG_MS) {
            offset = candidate;
            set = true;
        }
        lastBoardTime = boardTime;
        return boardTime + offset;
    }
}
