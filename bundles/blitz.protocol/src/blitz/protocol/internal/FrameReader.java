// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import blitz.logger.SessionReader;
import blitz.protocol.wire.DownloadFrames;
import blitz.protocol.wire.ErrorCode;

/**
 * Answers the {@code DOWNLOAD-FRAMES} extension ({@link DownloadFrames}): reads a session page by page
 * straight from the {@link SessionReader} until the frame's byte bound is reached, or its time bound. Keeps no state
 * between requests (each names its position), so it is answered in every state and a client that stops
 * leaves nothing behind. Thread-safe.
 */
final class FrameReader {
    /** A guess of a message's length until the first page tells; board lines are 20 to 40 characters. */
    private static final int GUESSED_MESSAGE_BYTES = 32;
    /** Messages read per page at most, so that one page stays small and the time bound is checked often. */
    private static final int MAX_PAGE = 20_000;
    /**
     * A frame stops growing after this long (at least one page is read): a loaded runtime still answers
     * well within a client's request timeout (the original's 3 s), whatever the byte bound.
     */
    static final long FRAME_TIME_NS = 300_000_000L;

    private final SessionReader stored;

    FrameReader(SessionReader stored) {
        this.stored = stored;
    }

    /** @return the frame reply to {@code DOWNLOAD <n> FROM <k> MAX <bytes>}, or {@code ERROR 4} when malformed */
    String reply(String[] t) {
        OptionalLong session = LoggerProtocol.number(t, 1);
        OptionalLong from = LoggerProtocol.number(t, 3);
        OptionalLong bound = LoggerProtocol.number(t, 5);
        if (session.isEmpty() || from.isEmpty() || bound.isEmpty() || from.getAsLong() < 0) {
            return ErrorCode.BAD_REQUEST.reply("usage: DOWNLOAD <session> FROM <index> MAX <bytes>");
        }
        int maxBytes = (int) Math.max(DownloadFrames.MIN_BYTES, Math.min(DownloadFrames.MAX_BYTES, bound.getAsLong()));
        long sessionId = session.getAsLong();
        long start = from.getAsLong();
        long end = stored.messageCount(sessionId);
        List<String> messages = new ArrayList<>();
        long next = start;
        long bytes = 0;
        boolean full = false;
        long deadline = System.nanoTime() + FRAME_TIME_NS;
        while (next < end && !full && (messages.isEmpty() || System.nanoTime() < deadline)) {
            long average = messages.isEmpty() ? GUESSED_MESSAGE_BYTES : Math.max(1, bytes / messages.size());
            int wanted = (int) Math.min(Math.min(MAX_PAGE, end - next), Math.max(1, (maxBytes - bytes) / average + 1));
            List<String> page = stored.readPage(sessionId, next, wanted);
            if (page.isEmpty()) {
                break; // deleted meanwhile: the frame ends the download
            }
            for (String message : page) {
                if (!messages.isEmpty() && bytes + message.length() + 1 > maxBytes) {
                    full = true;
                    break;
                }
                messages.add(message);
                bytes += message.length() + 1;
            }
            next = start + messages.size();
        }
        boolean more = next < end && !messages.isEmpty();
        return DownloadFrames.reply(sessionId, start, messages, more);
    }
}
