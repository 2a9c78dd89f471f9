// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import blitz.model.client.TimeSpan;

/**
 * The SQL of {@code series_summary}, one row per series (one variable of one session): its reading
 * count, time range, tile size and whether its tiles ({@link ReadingTiles}) are stale. Count and time
 * range are kept exact on every insert, so session overviews never need the tiles. Plain JDBC on the
 * caller's connection; never commits.
 */
final class SeriesTable {
    static final String SERIES_TABLE_DDL = "CREATE TABLE series_summary (sessionId BIGINT NOT NULL, "
            + "categoryId BIGINT NOT NULL, readingCount BIGINT NOT NULL, minTime BIGINT NOT NULL, "
            + "maxTime BIGINT NOT NULL, tileSize INTEGER NOT NULL, stale BOOLEAN NOT NULL, "
            + "PRIMARY KEY (sessionId, categoryId))";
    /** Fills the series table of a database whose readings predate it; their tiles are built on first use. */
    static final String SERIES_FROM_READINGS = "INSERT INTO series_summary SELECT sessionId, categoryId, COUNT(*), "
            + "MIN(timeLogged), MAX(timeLogged), " + ReadingTiles.DEFAULT_TILE_SIZE + ", TRUE FROM reading "
            + "GROUP BY sessionId, categoryId";

    private static final String DUPLICATE_KEY = "23505";

    /** The series row: what is known of one variable of a session. */
    record Series(long count, long minTime, long maxTime, int tileSize, boolean stale) {
    }

    /** A stretch of a stored series: its session, variable and time range {@code [fromTime, toTime)}. */
    record Stretch(long sessionId, long categoryId, long fromTime, long toTime) {
    }

    private SeriesTable() {
    }

    static Optional<Series> series(Connection connection, long sessionId, long categoryId) throws SQLException {
        return Sql.first(connection, "SELECT readingCount, minTime, maxTime, tileSize, stale FROM series_summary "
                + "WHERE sessionId = ? AND categoryId = ?",
                rs -> new Series(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getBoolean(5)),
                sessionId, categoryId);
    }

    /**
     * Locks a series row until the transaction ends (creating an empty one with {@code tileSize} if
     * missing) and reads it.
     */
    static Series lock(Connection connection, long sessionId, long categoryId, int tileSize) throws SQLException {
        String touch = "UPDATE series_summary SET stale = stale WHERE sessionId = ? AND categoryId = ?";
        if (Sql.update(connection, touch, sessionId, categoryId) == 0) {
            try {
                Sql.update(connection, "INSERT INTO series_summary VALUES (?, ?, 0, 0, 0, ?, FALSE)", sessionId,
                        categoryId, tileSize);
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
                Sql.update(connection, touch, sessionId, categoryId); // a concurrent chunk created it first
            }
        }
        return series(connection, sessionId, categoryId).orElseThrow();
    }

    static void write(Connection connection, long sessionId, long categoryId, Series series) throws SQLException {
        Sql.update(connection, "UPDATE series_summary SET readingCount = ?, minTime = ?, maxTime = ?, tileSize = ?, "
                + "stale = ? WHERE sessionId = ? AND categoryId = ?", series.count(), series.minTime(),
                series.maxTime(), series.tileSize(), series.stale(), sessionId, categoryId);
    }

    static void delete(Connection connection, long sessionId, long categoryId) throws SQLException {
        Sql.update(connection, "DELETE FROM series_summary WHERE sessionId = ? AND categoryId = ?", sessionId,
                categoryId);
    }

    /** Removes the summary of every series of a session, tiles first. */
    static void deleteSession(Connection connection, long sessionId) throws SQLException {
        Sql.update(connection, "DELETE FROM series_tile WHERE sessionId = ?", sessionId);
        Sql.update(connection, "DELETE FROM series_summary WHERE sessionId = ?", sessionId);
    }

    /** @return the times of the first and last reading of a session, empty when it has none */
    static Optional<TimeSpan> sessionTimeRange(Connection connection, long sessionId) throws SQLException {
        return Sql.first(connection, "SELECT MIN(minTime), MAX(maxTime) FROM series_summary WHERE sessionId = ?",
                rs -> { // aggregates of no rows are NULL
                    long first = rs.getLong(1);
                    return rs.wasNull() ? null : new TimeSpan(first, rs.getLong(2));
                }, sessionId);
    }

    /**
     * @return the start of a fresh series holding about {@code tiles} tiles (the largest when none is
     *         that long), empty when no series is fresh
     */
    static Optional<Stretch> sample(Connection connection, long tiles) throws SQLException {
        return Sql.first(connection, "SELECT sessionId, categoryId, minTime, maxTime, readingCount, tileSize "
                + "FROM series_summary WHERE stale = FALSE AND readingCount > 0 "
                + "ORDER BY readingCount DESC FETCH FIRST 1 ROW ONLY", rs -> {
                    long minTime = rs.getLong(3);
                    double share = Math.min(1, tiles * (double) rs.getInt(6) / rs.getLong(5));
                    long to = minTime + (long) Math.ceil((rs.getLong(4) - minTime + 1) * share);
                    return new Stretch(rs.getLong(1), rs.getLong(2), minTime, to);
                });
    }
}
