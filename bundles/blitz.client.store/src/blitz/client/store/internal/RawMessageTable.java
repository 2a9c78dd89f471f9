// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The raw board lines of downloaded sessions, numbered by their position in the session. The
 * primary key (session, index) makes a message impossible to store twice, and the index numbering
 * is what a resumed download continues from. Plain JDBC on the caller's connection; never commits.
 */
final class RawMessageTable {
    /** Longest raw line kept: Derby's VARCHAR limit, far above the codec's longest board line. */
    static final int MAX_LINE = 32_672;

    private RawMessageTable() {
    }

    static long count(Connection connection, long sessionId) throws SQLException {
        return Sql.first(connection, "SELECT MAX(idx) FROM raw_message WHERE sessionId = ?", rs -> {
            long last = rs.getLong(1);
            return rs.wasNull() ? 0L : last + 1;
        }, sessionId).orElseThrow();
    }

    /** Appends lines numbered from {@code firstIndex}, which must be where the stored ones end. */
    static void append(Connection connection, long sessionId, long firstIndex, List<String> lines)
            throws SQLException {
        long stored = count(connection, sessionId);
        if (firstIndex != stored) {
            throw new IllegalStateException("session " + sessionId + " has " + stored
                    + " raw messages stored; a chunk starting at " + firstIndex + " would leave a hole or a duplicate");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO raw_message (sessionId, idx, line) VALUES (?, ?, ?)")) {
            long index = firstIndex;
            for (String line : lines) {
                if (line.length() > MAX_LINE) {
                    throw new IllegalArgumentException("a raw line of " + line.length()
                            + " characters is longer than the " + MAX_LINE + " the store keeps");
                }
                insert.setLong(1, sessionId);
                insert.setLong(2, index++);
                insert.setString(3, line);
                insert.addBatch();
                if ((index - firstIndex) % BulkReadingWriter.JDBC_BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** @return up to {@code max} lines from {@code fromIndex}, in order */
    static List<String> read(Connection connection, long sessionId, long fromIndex, int max) throws SQLException {
        return Sql.list(connection, "SELECT line FROM raw_message WHERE sessionId = ? AND idx >= ? AND idx < ? "
                + "ORDER BY idx", rs -> rs.getString(1), sessionId, fromIndex, fromIndex + max);
    }

    static void delete(Connection connection, long sessionId) throws SQLException {
        Sql.update(connection, "DELETE FROM raw_message WHERE sessionId = ?", sessionId);
    }
}
