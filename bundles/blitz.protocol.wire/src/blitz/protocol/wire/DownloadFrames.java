// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code DOWNLOAD-FRAMES} extension's wire format: {@code DOWNLOAD <n> FROM <k> MAX <bytes>} asks for
 * the messages of session {@code n} from index {@code k}, as many as fit in {@code bytes}; the reply is one
 * frame {@code FRAME <n> <k> <count> ACK|NACK}, a newline, then the messages joined by newlines
 * ({@code ACK}: more follow after {@code k + count}; {@code NACK}: that was the end). Each request names its
 * position, so the runtime keeps no download state and a client may stop at any frame without releasing
 * anything. See {@code docs/protocol-logger.md}.
 */
public final class DownloadFrames {
    /** The capability word in the {@code VERSION} line. */
    public static final String CAPABILITY = "DOWNLOAD-FRAMES";
    /** The keyword of the frame bound: {@code DOWNLOAD <n> FROM <k> MAX <bytes>}. */
    public static final String MAX = "MAX";
    /** The first word of a frame reply. */
    public static final String FRAME = "FRAME";
    /** The smallest frame bound the runtime honours: smaller bounds are raised to it. */
    public static final int MIN_BYTES = 1 << 10;
    /** The largest frame bound the runtime honours: larger bounds are lowered to it. */
    public static final int MAX_BYTES = 16 << 20;
    private static final Pattern HEADER = Pattern.compile("FRAME (\\d{1,18}) (\\d{1,18}) (\\d{1,9}) (ACK|NACK)");

    private DownloadFrames() {
    }

    /** A frame as a client reads it: where it starts, its messages, and whether more follow. */
    public record Frame(long sessionId, long from, List<String> messages, boolean more) {
    }

    /** @return {@code DOWNLOAD <n> FROM <k> MAX <bytes>} */
    public static String request(long sessionId, long from, int maxBytes) {
        return Command.DOWNLOAD.with(sessionId, Command.FROM, from, MAX, maxBytes);
    }

    /** @return whether the request's tokens are a frame request ({@code DOWNLOAD <n> FROM <k> MAX <bytes>}) */
    public static boolean isFrameRequest(String[] tokens) {
        return tokens.length == 6 && tokens[0].equals(Command.DOWNLOAD.name()) && tokens[2].equals(Command.FROM)
                && tokens[4].equals(MAX);
    }

    /** @return the frame reply: its header line, then the messages */
    public static String reply(long sessionId, long from, List<String> messages, boolean more) {
        StringBuilder reply = new StringBuilder(32 + messages.size() * 40);
        reply.append(FRAME).append(' ').append(sessionId).append(' ').append(from).append(' ').append(messages.size())
                .append(' ').append(more ? Replies.ACK : Replies.NACK);
        for (String message : messages) {
            reply.append('\n').append(message);
        }
        return reply.toString();
    }

    /** @return whether a reply is a frame (the runtime sends it as one ZeroMQ frame, never cut) */
    public static boolean isFrame(String reply) {
        return reply.startsWith(FRAME + " ");
    }

    /**
     * @return the frame a reply holds, empty when the reply is not a well-formed frame of that session and
     *         position (its header and its message count must agree)
     */
    public static Optional<Frame> parse(long sessionId, long from, String reply) {
        int headerEnd = reply.indexOf('\n');
        Matcher header = HEADER.matcher(headerEnd < 0 ? reply : reply.substring(0, headerEnd));
        if (!header.matches() || Long.parseLong(header.group(1)) != sessionId || Long.parseLong(header.group(2)) != from) {
            return Optional.empty();
        }
        int count = Integer.parseInt(header.group(3));
        boolean more = header.group(4).equals(Replies.ACK);
        if (headerEnd < 0) {
            return count == 0 ? Optional.of(new Frame(sessionId, from, List.of(), more)) : Optional.empty();
        }
        List<String> messages = new ArrayList<>(count);
        int start = headerEnd + 1;
        while (start <= reply.length() && messages.size() < count) {
            int end = reply.indexOf('\n', start);
            int stop = end < 0 ? reply.length() : end;
            messages.add(reply.substring(start, stop));
            start = stop + 1;
        }
        boolean whole = messages.size() == count && start >= reply.length();
        return whole ? Optional.of(new Frame(sessionId, from, messages, more))
                : Optional.empty();
    }
}
