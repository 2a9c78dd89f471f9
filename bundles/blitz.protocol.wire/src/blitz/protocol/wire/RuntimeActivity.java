// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.wire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the {@code STATS} reply says of the boards' activity: its {@code BOARD} lines (messages, rate,
 * time since the last message) and its {@code SILENCE} line (the boards and the session silent for
 * longer than the runtime's limit). Written by the runtime and read back by clients, here once.
 *
 * @param boards        one entry per {@code BOARD} line, in the reply's order
 * @param silentBoards  ids of the boards silent for longer than the limit
 * @param silentSession the running session when it stored nothing for longer than the limit, else 0
 * @param limitMs       the runtime's silence limit, 0 when the reply did not say
 */
public record RuntimeActivity(List<Board> boards, SortedSet<Integer> silentBoards, long silentSession, long limitMs) {
    private static final String SILENCE = "SILENCE";
    private static final String BOARD = "BOARD";

    public RuntimeActivity {
        boards = List.copyOf(boards);
        silentBoards = Collections.unmodifiableSortedSet(new TreeSet<>(silentBoards));
    }

    /**
     * One board's activity.
     *
     * @param boardId  0..255
     * @param messages messages received since the runtime started
     * @param rate     messages per second the runtime measured
     * @param idleMs   milliseconds since its last message, -1 if none came yet
     */
    public record Board(int boardId, long messages, double rate, long idleMs) {
    }

    /** @return the {@code STATS} line of one board */
    public static String boardLine(int boardId, String sourceId, long messages, long lastSeenMs, long lost, double rate,
            long idleMs) {
        return String.format(Locale.ROOT, "%s %s source=%s messages=%d lastSeen=%d lost=%d rate=%.2f idleMs=%d", BOARD,
                Replies.hex(boardId), sourceId, messages, lastSeenMs, lost, rate, idleMs);
    }

    /** @return the {@code STATS} line saying what is silent */
    public static String silenceLine(Collection<Integer> boardIds, long sessionId, long limitMs) {
        return String.format(Locale.ROOT, "%s boards=%s session=%s limitMs=%d", SILENCE,
                boardIds.isEmpty() ? "-" : boardIds.stream().sorted().map(Replies::hex).collect(Collectors.joining(",")),
                sessionId == 0 ? "none" : Long.toString(sessionId), limitMs);
    }

    /** @return the activity in a {@code STATS} reply's lines; lines it cannot read are skipped */
    public static RuntimeActivity parse(List<String> statsLines) {
        List<Board> boards = new ArrayList<>();
        SortedSet<Integer> silent = new TreeSet<>();
        long session = 0;
        long limit = 0;
        for (String line : statsLines) {
            String[] words = line.trim().split("\\s+");
            Map<String, String> fields = fields(words);
            if (words[0].equals(BOARD) && words.length > 1 && words[1].matches("[0-9a-f]{2}")) {
                boards.add(new Board(Integer.parseInt(words[1], 16), number(fields, "messages").orElse(0),
                        decimal(fields, "rate").orElse(0), number(fields, "idleMs").orElse(-1)));
            } else if (words[0].equals(SILENCE)) {
                for (String id : fields.getOrDefault("boards", "-").split(",")) {
                    if (id.matches("[0-9a-f]{2}")) {
                        silent.add(Integer.parseInt(id, 16));
                    }
                }
                session = number(fields, "session").orElse(0);
                limit = number(fields, "limitMs").orElse(0);
            }
        }
        return new RuntimeActivity(boards, silent, session, limit);
    }

    private static Map<String, String> fields(String[] words) {
        Map<String, String> fields = new TreeMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                fields.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        return fields;
    }

    private static OptionalLong number(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value != null && value.matches("-?\\d{1,18}") ? OptionalLong.of(Long.parseLong(value)) : OptionalLong.empty();
    }

    private static OptionalDouble decimal(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value != null && value.matches("\\d{1,12}(\\.\\d{1,6})?") ? OptionalDouble.of(Double.parseDouble(value))
                : OptionalDouble.empty();
    }
}
