// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import blitz.model.Category;
import blitz.model.Reading;

/**
 * The SQL of the reading table outside the bulk writer ({@link BulkReadingWriter}) and the plot's
 * bucket query ({@link BucketQuery}): paging, streaming, the variables of a session and removing a
 * session's readings with their summary. Plain JDBC on the caller's connection; never commits.
 */
final class ReadingTable {
    /** Rows fetched at a time by a cursor, and the most a page list is sized for up front. */
    private static final int FETCH = 10_000;

    private ReadingTable() {
    }

    static boolean hasReadings(Connection connection, long sessionId) throws SQLException {
        return Sql.first(connection, "SELECT 1 FROM reading WHERE sessionId = ? FETCH FIRST 1 ROW ONLY",
                rs -> true, sessionId).isPresent();
    }

    /** Deletes a session's readings and their summary. */
    static void deleteSession(Connection connection, long sessionId) throws SQLException {
        SeriesTable.deleteSession(connection, sessionId);
        Sql.update(connection, "DELETE FROM reading WHERE sessionId = ?", sessionId);
    }

    /** @return the categories with readings in a session, from the series summary (one row per variable) */
    static List<Category> sessionVariables(Connection connection, long sessionId) throws SQLException {
        return Sql.list(connection, "SELECT k.id, k.variableName FROM category k "
                + "WHERE k.id IN (SELECT s.categoryId FROM series_summary s WHERE s.sessionId = ?) ORDER BY k.id",
                rs -> new Category(rs.getLong(1), rs.getString(2)), sessionId);
    }

    /** @return up to {@code limit} readings of a series after (afterTime, afterId), in (time, id) order */
    static List<Reading> page(Connection connection, long sessionId, long categoryId, long afterTime, long afterId,
            int limit) throws SQLException {
        // "timeLogged >= ?" is the index range start; the OR only filters the rows at afterTime itself
        return Sql.list(connection, "SELECT id, timeLogged, value FROM reading "
                + "WHERE sessionId = ? AND categoryId = ? AND timeLogged >= ? AND (timeLogged > ? OR id > ?) "
                + "ORDER BY timeLogged, id FETCH FIRST ? ROWS ONLY",
                rs -> new Reading(rs.getLong(1), sessionId, rs.getLong(2), categoryId, rs.getDouble(3)),
                sessionId, categoryId, afterTime, afterTime, afterId, limit);
    }

    /**
     * Delivers a session's readings in (time, id) order in chunks of {@code chunkSize}, through one
     * cursor so the session is sorted once; the consumer runs while it is open.
     *
     * @return the number delivered
     */
    static long stream(Connection connection, long sessionId, int chunkSize, Consumer<List<Reading>> chunkConsumer)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id, timeLogged, categoryId, value "
                + "FROM reading WHERE sessionId = ? ORDER BY timeLogged, id")) {
            Sql.bind(query, sessionId).setFetchSize(Math.min(chunkSize, FETCH));
            long delivered = 0;
            List<Reading> chunk = new ArrayList<>(Math.min(chunkSize, FETCH));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    chunk.add(new Reading(rs.getLong(1), sessionId, rs.getLong(2), rs.getLong(3), rs.getDouble(4)));
                    if (chunk.size() == chunkSize) {
                        chunkConsumer.accept(List.copyOf(chunk));
                        delivered += chunk.size();
                        chunk.clear();
                    }
                }
            }
            if (!chunk.isEmpty()) {
                chunkConsumer.accept(List.copyOf(chunk));
                delivered += chunk.size();
            }
            return delivered;
        }
    }
}
