// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reply to {@code LIVE [<after>]}: every line the runtime received after the client's sequence
 * number, at most {@link #MAX_LINES} of them. Its first line is
 * {@code LIVE <epoch> <session> <last> <missed> <pending>}, then one line {@code <age ms> <received line>} per
 * received line, oldest first, the age counted when the reply was made (so a client dates each line
 * by its own clock: no clock of two machines is compared); the last of them has the number {@code last}. {@code missed} lines after {@code after} were no longer
 * kept by the runtime (the client fell behind its ring); {@code pending} more lines wait after
 * {@code last} (the client asks again at once). Without {@code after}, or with a number beyond the
 * runtime's newest line (a restarted runtime), the reply has no line and {@code last} is the newest
 * number: where the client goes on from.
 *
 * @param epoch   the runtime run's id (see {@link Command#EPOCH})
 * @param session the running session's id, 0 when none runs (the client sees a session end by it)
 * @param last    the number of the last line here, or the newest number when there is no line
 * @param missed  lines lost between the client's number and the first line here
 * @param pending lines after {@code last} not sent in this reply
 * @param lines   the received lines, oldest first
 */
public record LiveLines(long epoch, long session, long last, long missed, long pending, List<Line> lines) {
    /** Most lines in one reply (about 30 kB of board lines). */
    public static final int MAX_LINES = 1000;

    public LiveLines {
        lines = List.copyOf(lines);
    }

    /** @return the reply text */
    public String reply() {
        StringBuilder reply = new StringBuilder(Command.LIVE.with(epoch, session, last, missed, pending));
        lines.forEach(line -> reply.append('\n').append(line.ageMs()).append(' ').append(line.text()));
        return reply.toString();
    }

    /** @return the reply read back; empty when it is not a {@code LIVE} reply (an error, the original logger) */
    public static Optional<LiveLines> parse(String reply) {
        String[] rows = reply.split("\n", -1);
        String[] head = rows[0].trim().split("\\s+");
        if (head.length != 6 || !head[0].equals(Command.LIVE.name())) {
            return Optional.empty();
        }
        long[] numbers = new long[5];
        for (int i = 0; i < numbers.length; i++) {
            if (!head[i + 1].matches("\\d{1,18}")) {
                return Optional.empty();
            }
            numbers[i] = Long.parseLong(head[i + 1]);
        }
        List<Line> lines = new ArrayList<>(rows.length - 1);
        for (int i = 1; i < rows.length; i++) {
            int space = rows[i].indexOf(' ');
            if (space < 1 || !rows[i].substring(0, space).matches("\\d{1,18}")) {
                return Optional.empty();
            }
            lines.add(new Line(Long.parseLong(rows[i].substring(0, space)), rows[i].substring(space + 1)));
        }
        return Optional.of(new LiveLines(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], lines));
    }

    /**
     * @param ageMs how long before the reply the runtime received the line
     * @param text  the line as the board sent it
     */
    public record Line(long ageMs, String text) {
    }
}
