// SPDX-License-Identifier: EPL-2.0
package blitz.model;

import java.util.OptionalLong;

/**
 * One line of the runtime's session list: {@code "<id> <start> <end> <count>"}, the format the
 * original logger sends in reply to {@code SESSIONS}. An unfinished session's end is written
 * {@code None}, as the original did, so old clients keep parsing it.
 *
 * @param id    the session id
 * @param start epoch milliseconds when the session started
 * @param end   epoch milliseconds when it stopped, empty while it runs
 * @param count number of raw messages stored for the session
 */
public record SessionSummary(long id, long start, OptionalLong end, long count) {

    /** Renders the protocol line. */
    public String toLine() {
        return id + " " + start + " " + (end.isPresent() ? Long.toString(end.getAsLong()) : "None") + " " + count;
    }

    /**
     * Parses a protocol line. Accepts the original's float timestamps ({@code "1395000000000.0"}) and
     * {@code None} for an open session.
     *
     * @throws IllegalArgumentException if the line does not have four fields of the right kinds
     */
    public static SessionSummary parse(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length != 4) {
            throw new IllegalArgumentException("a session line has 4 fields, got: " + line);
        }
        try {
            long end = parseTime(fields[2]);
            return new SessionSummary(Long.parseLong(fields[0]), parseTime(fields[1]),
                    end < 0 ? OptionalLong.empty() : OptionalLong.of(end), Long.parseLong(fields[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a session line: " + line, e);
        }
    }

    private static long parseTime(String field) {
        if (field.equals("None")) {
            return -1;
        }
        return (long) Math.ceil(Double.parseDouble(field));
    }
}
