// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
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
     * Delivers a session's readings in (time, id) order in chunks of {@code chunkSize}. Each series is
     * read in order from the plot index, and the series are merged here: Derby never sorts the session.
     * The consumer runs while the cursors are open.
     *
     * @return the number delivered
     */
    static long stream(Connection connection, long sessionId, int chunkSize, Consumer<List<Reading>> chunkConsumer)
            throws SQLException {
        List<Long> categories = Sql.list(connection, "SELECT categoryId FROM series_summary WHERE sessionId = ? "
                + "ORDER BY categoryId", rs -> rs.getLong(1), sessionId);
        List<PreparedStatement> queries = new ArrayList<>();
        try {
            PriorityQueue<SeriesCursor> next = new PriorityQueue<>();
            for (long category : categories) {
                PreparedStatement query = connection.prepareStatement("SELECT timeLogged, id, value FROM reading "
                        + "WHERE sessionId = ? AND categoryId = ? ORDER BY timeLogged, id");
                queries.add(query);
                Sql.bind(query, sessionId, category).setFetchSize(FETCH);
                SeriesCursor cursor = new SeriesCursor(query.executeQuery(), sessionId, category);
                if (cursor.advance()) {
                    next.add(cursor);
                }
            }
            long delivered = 0;
            List<Reading> chunk = new ArrayList<>(Math.min(chunkSize, FETCH));
            while (!next.isEmpty()) {
                SeriesCursor first = next.poll();
                chunk.add(first.current);
                if (first.advance()) {
                    next.add(first);
                }
                if (chunk.size() == chunkSize) {
                    chunkConsumer.accept(List.copyOf(chunk));
                    delivered += chunk.size();
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                chunkConsumer.accept(List.copyOf(chunk));
                delivered += chunk.size();
            }
            return delivered;
        } finally {
            for (PreparedStatement query : queries) {
                query.close();
            }
        }
    }

    /** One series' readings in (time, id) order; cursors compare by their current reading. */
    private static final class SeriesCursor implements Comparable<SeriesCursor> {
        private final ResultSet rows;
        private final long sessionId;
        private final long categoryId;
        private Reading current;

        SeriesCursor(ResultSet rows, long sessionId, long categoryId) {
            this.rows = rows;
            this.sessionId = sessionId;
            this.categoryId = categoryId;
        }

        boolean advance() throws SQLException {
            if (!rows.next()) {
                rows.close();
                return false;
            }
            current = new Reading(rows.getLong(2), sessionId, rows.getLong(1), categoryId, rows.getDouble(3));
            return true;
        }

        @Override
        public int compareTo(SeriesCursor other) {
            int byTime = Long.compare(current.timeLogged(), other.current.timeLogged());
            return byTime != 0 ? byTime : Long.compare(current.id(), other.current.id());
        }
    }
}
