// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.wire;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The logger protocol's reply words and the formats of its structured replies, as the server writes
 * them and clients read them. Byte for byte the original's where the original had the reply.
 */
public final class Replies {
    public static final String ACK = "ACK";
    public static final String NACK = "NACK";
    public static final String ERROR = "ERROR";
    public static final String INSESSION = "INSESSION";
    public static final String NOSESSION = "NOSESSION";
    public static final String NOBOARD = "NOBOARD";
    public static final String BOARDERROR = "BOARDERROR";
    /** The capabilities line this runtime answers {@link Command#VERSION} with. */
    public static final String VERSION = "VERSION 2 blitz CAPABILITIES VERSION DOWNLOAD-FROM DIGEST STATS GAPS NOTIFICATIONS AUTH NOBOARD DOWNLOAD-FRAMES LIVE";
    /** @return the {@link #VERSION} line followed by {@code EPOCH <epoch>}, this runtime run's id */
    public static String version(long epoch) {
        return VERSION + " " + Command.EPOCH + " " + epoch;
    }

    /** @return the run id after the word {@code EPOCH} in a reply's first line, empty when it has none */
    public static OptionalLong epoch(String reply) {
        String[] words = reply.split("\n", 2)[0].trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals(Command.EPOCH) && words[i + 1].matches("\\d{1,18}")) {
                return OptionalLong.of(Long.parseLong(words[i + 1]));
            }
        }
        return OptionalLong.empty();
    }

    /** Messages in one download chunk, as the original. */
    public static final int CHUNK = 100;

    private Replies() {
    }

    /** @return the lowercase two-digit hex id of a board, as every reply writes it */
    public static String hex(int boardId) {
        return String.format(Locale.ROOT, "%02x", boardId);
    }

    /** @return {@code BOARDS 08 0a}, or {@code BOARDS } when there is none */
    public static String boards(Collection<Integer> boardIds) {
        return Command.BOARDS.name() + " " + boardIds.stream().map(Replies::hex).collect(Collectors.joining(" "));
    }

    /** @return {@code NOBOARD <hex id>} */
    public static String noBoard(int boardId) {
        return NOBOARD + " " + hex(boardId);
    }

    /** @return {@code BOARDERROR <hex id> <reason>}, the reason on one line */
    public static String boardError(int boardId, String reason) {
        return BOARDERROR + " " + hex(boardId) + " " + reason;
    }

    /**
     * @param lines the summary lines ({@code <id> <start> <end> <count>})
     * @return the lines, then {@code NACK} ({@code \nNACK} when there is none), as the original
     */
    public static String sessions(List<String> lines) {
        StringBuilder reply = new StringBuilder();
        lines.forEach(line -> reply.append(line).append('\n'));
        return reply.append(lines.isEmpty() ? "\n" + NACK : NACK).toString();
    }

    /** @return whether a reply is a session list (an original logger without a database sends a bare NACK) */
    public static boolean isSessionList(String reply) {
        return reply.endsWith("\n" + NACK);
    }

    /** @return a download chunk: the messages joined by {@code \n}, then {@code \nACK} (more) or {@code \nNACK} (last) */
    public static String chunk(List<String> messages, boolean more) {
        return String.join("\n", messages) + "\n" + (more ? ACK : NACK);
    }

    /** @return {@code ERROR <code> <STATE>}, the refusal of a command in a state */
    public static String refused(Command command, String state) {
        return (command.isOriginal() ? ErrorCode.NOT_ALLOWED : ErrorCode.UNKNOWN).reply(state);
    }

    /** @return whether a reply is an error of any code */
    public static boolean isError(String reply) {
        return reply.startsWith(ERROR);
    }
}
