package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import blitz.model.client.ReadingBatch;

/**
 * The summary of every series (one variable of one session), kept beside the readings so that plots
 * and session overviews never read every reading (Trace Compass's state system is the model).
 *
 * <p>{@code series_summary} has one row per series: its reading count, time range, tile size and
 * whether its tiles are stale. {@code series_tile} cuts the series, in (time, id) order, into
 * tiles of {@code tileSize} consecutive readings (the last one may be partial) holding count,
 * min, max, first and last reading. Tiles are in time order: a tile ends no later than the next
 * one starts, so a bucket edge cuts at most one tile.
 *
 * <p>Maintenance: a bulk chunk whose readings of a series start no earlier than the series ends
 * (the normal download) extends the tiles in the chunk's transaction. Any other insert (an
 * out-of-order chunk, a single JPA insert) only updates the series row and marks its tiles stale;
 * the next query of the series rebuilds them ({@link #ensureFresh}). Count and time range are kept
 * exact on every insert, so session overviews never need a rebuild. Removing a session's readings
 * removes its summary ({@link #deleteSession}).
 *
 * <p>Lock order, to stay free of deadlocks: the series row is locked (updated) before readings of
 * the series are inserted or scanned. Plain JDBC on the caller's connection; never commits.
 */
final class ReadingTiles {
    /** Readings per tile when the store is not configured otherwise. */
    static final int DEFAULT_TILE_SIZE = 64;

    static final String SERIES_TABLE_DDL = "CREATE TABLE series_summary (sessionId BIGINT NOT NULL, "
            + "categoryId BIGINT NOT NULL, readingCount BIGINT NOT NULL, minTime BIGINT NOT NULL, "
            + "maxTime BIGINT NOT NULL, tileSize INTEGER NOT NULL, stale BOOLEAN NOT NULL, "
            + "PRIMARY KEY (sessionId, categoryId))";
    static final String TILE_TABLE_DDL = "CREATE TABLE series_tile (sessionId BIGINT NOT NULL, "
            + "categoryId BIGINT NOT NULL, tileIndex BIGINT NOT NULL, readingCount INTEGER NOT NULL, "
            + "startTime BIGINT NOT NULL, startId BIGINT NOT NULL, endTime BIGINT NOT NULL, endId BIGINT NOT NULL, "
            + "minValue DOUBLE NOT NULL, maxValue DOUBLE NOT NULL, firstValue DOUBLE NOT NULL, "
            + "lastValue DOUBLE NOT NULL, PRIMARY KEY (sessionId, categoryId, tileIndex))";
    /** Covering, in tile order: a range query reads only this index. */
    static final String TILE_INDEX_DDL = "CREATE INDEX series_tile_time ON series_tile (sessionId, categoryId, "
            + "endTime, tileIndex, startTime, startId, endId, readingCount, minValue, maxValue, firstValue, lastValue)";
    /** Fills the series table of a database whose readings predate it; their tiles are built on first use. */
    static final String SERIES_FROM_READINGS = "INSERT INTO series_summary SELECT sessionId, categoryId, COUNT(*), "
            + "MIN(timeLogged), MAX(timeLogged), " + DEFAULT_TILE_SIZE + ", TRUE FROM reading "
            + "GROUP BY sessionId, categoryId";

    private static final String DUPLICATE_KEY = "23505";
    private static final String TILE_COLUMNS = "tileIndex, readingCount, startTime, startId, endTime, endId, "
            + "minValue, maxValue, firstValue, lastValue";

    private static final String TILE_BY_INDEX = "SELECT " + TILE_COLUMNS
            + " FROM series_tile WHERE sessionId = ? AND categoryId = ? AND tileIndex = ?";

    private ReadingTiles() {
    }

    /**
     * Compiles the statement that reads the tile after a range, which a query of an absent series (the
     * store's warm-up) never reaches: Derby keeps compiled statements by their text for every connection.
     */
    static void compile(Connection connection) throws SQLException {
        connection.prepareStatement(TILE_BY_INDEX).close();
    }

    /** A tile: {@code count} consecutive readings of a series from (startTime, startId) to (endTime, endId). */
    static final class Tile {
        final long index;
        int count;
        final long startTime;
        final long startId;
        long endTime;
        long endId;
        double min;
        double max;
        final double first;
        double last;

        Tile(long index, int count, long startTime, long startId, long endTime, long endId, double min, double max,
                double first, double last) {
            this.index = index;
            this.count = count;
            this.startTime = startTime;
            this.startId = startId;
            this.endTime = endTime;
            this.endId = endId;
            this.min = min;
            this.max = max;
            this.first = first;
            this.last = last;
        }

        static Tile of(long index, long time, long id, double value) {
            return new Tile(index, 1, time, id, time, id, value, value, value, value);
        }

        /** Extends the tile by the next reading in (time, id) order. */
        void add(long time, long id, double value) {
            count++;
            endTime = time;
            endId = id;
            min = Math.min(min, value);
            max = Math.max(max, value);
            last = value;
        }
    }

    /** The series row: what is known of one variable of a session. */
    private record Series(long count, long minTime, long maxTime, int tileSize, boolean stale) {
    }

    // --- maintenance --------------------------------------------------------------------------

    /**
     * Records a bulk chunk whose readings got ids {@code firstId, firstId + 1, ...} in batch order,
     * before the readings themselves are inserted.
     */
    static void recordChunk(Connection connection, long sessionId, ReadingBatch batch, long firstId, int tileSize)
            throws SQLException {
        Map<Long, int[]> bySeries = new HashMap<>();
        Map<Long, Integer> sizes = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            long category = batch.categoryId(i);
            int[] indexes = bySeries.computeIfAbsent(category, c -> new int[16]);
            int size = sizes.getOrDefault(category, 0);
            if (size == indexes.length) {
                indexes = Arrays.copyOf(indexes, size * 2);
                bySeries.put(category, indexes);
            }
            indexes[size] = i;
            sizes.put(category, size + 1);
        }
        // a fixed order of series rows, so two chunks of one session never lock them crosswise
        long[] categories = bySeries.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        for (long category : categories) {
            int[] indexes = inTimeOrder(batch, Arrays.copyOf(bySeries.get(category), sizes.get(category)));
            long chunkMin = batch.timeLogged(indexes[0]);
            long chunkMax = batch.timeLogged(indexes[indexes.length - 1]);
            Series series = lockSeries(connection, sessionId, category, tileSize);
            boolean appends = !series.stale() && (series.count() == 0 || chunkMin >= series.maxTime());
            if (appends) {
                appendTiles(connection, sessionId, category, series, batch, indexes, firstId);
            }
            writeSeries(connection, sessionId, category, new Series(series.count() + indexes.length,
                    series.count() == 0 ? chunkMin : Math.min(series.minTime(), chunkMin),
                    series.count() == 0 ? chunkMax : Math.max(series.maxTime(), chunkMax), series.tileSize(),
                    !appends));
        }
    }

    /** Records one reading inserted outside the bulk path: its series' tiles become stale. */
    static void recordSingle(Connection connection, long sessionId, long categoryId, long time)
            throws SQLException {
        Series series = lockSeries(connection, sessionId, categoryId, DEFAULT_TILE_SIZE);
        boolean empty = series.count() == 0;
        writeSeries(connection, sessionId, categoryId, new Series(series.count() + 1,
                empty ? time : Math.min(series.minTime(), time), empty ? time : Math.max(series.maxTime(), time),
                series.tileSize(), true));
    }

    /** Removes the summary of every series of a session, with its readings. */
    static void deleteSession(Connection connection, long sessionId) throws SQLException {
        for (String table : new String[] { "series_tile", "series_summary" }) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE sessionId = ?")) {
                delete.setLong(1, sessionId);
                delete.executeUpdate();
            }
        }
    }

    /**
     * Rebuilds a series' tiles from its readings when they are stale (or were cut with another tile
     * size), in one pass over the covering reading index.
     */
    static void ensureFresh(Connection connection, long sessionId, long categoryId, int tileSize)
            throws SQLException {
        Optional<Series> known = series(connection, sessionId, categoryId);
        if (known.isEmpty() || !known.get().stale() && known.get().tileSize() == tileSize) {
            return;
        }
        Series series = lockSeries(connection, sessionId, categoryId, tileSize);
        if (!series.stale() && series.tileSize() == tileSize) {
            return; // another query rebuilt it meanwhile
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM series_tile WHERE sessionId = ? AND categoryId = ?")) {
            delete.setLong(1, sessionId);
            delete.setLong(2, categoryId);
            delete.executeUpdate();
        }
        long count = 0;
        long minTime = 0;
        long maxTime = 0;
        try (TileWriter writer = new TileWriter(connection, sessionId, categoryId, tileSize, 0);
                PreparedStatement scan = connection.prepareStatement("SELECT timeLogged, id, value FROM reading "
                        + "WHERE sessionId = ? AND categoryId = ? ORDER BY timeLogged, id")) {
            scan.setLong(1, sessionId);
            scan.setLong(2, categoryId);
            scan.setFetchSize(1000);
            try (ResultSet rs = scan.executeQuery()) {
                while (rs.next()) {
                    long time = rs.getLong(1);
                    if (count++ == 0) {
                        minTime = time;
                    }
                    maxTime = time;
                    writer.add(time, rs.getLong(2), rs.getDouble(3));
                }
            }
        }
        if (count == 0) {
            deleteSeries(connection, sessionId, categoryId);
        } else {
            writeSeries(connection, sessionId, categoryId, new Series(count, minTime, maxTime, tileSize, false));
        }
    }

    // --- queries ------------------------------------------------------------------------------

    /**
     * @return the tiles of a fresh series that hold readings in {@code [fromTime, toTime)}, in order;
     *         empty when none of them ends inside the range (then it holds at most one tile's readings)
     */
    static List<Tile> overlapping(Connection connection, long sessionId, long categoryId, long fromTime, long toTime)
            throws SQLException {
        List<Tile> tiles = new ArrayList<>();
        // a bounded scan of the covering index: the tiles that end in the range...
        // (Derby's optimizer otherwise scans the whole series by its primary key and sorts)
        try (PreparedStatement query = connection.prepareStatement("SELECT " + TILE_COLUMNS + " FROM series_tile "
                + "--DERBY-PROPERTIES index=series_tile_time\n"
                + "WHERE sessionId = ? AND categoryId = ? AND endTime >= ? AND endTime < ? ORDER BY endTime, tileIndex")) {
            query.setLong(1, sessionId);
            query.setLong(2, categoryId);
            query.setLong(3, fromTime);
            query.setLong(4, toTime);
            query.setFetchSize(1000);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    tiles.add(tile(rs));
                }
            }
        }
        // ...and the next one, which may start inside it (tiles are in time order, so no other can)
        if (!tiles.isEmpty()) {
            tile(connection, sessionId, categoryId, tiles.get(tiles.size() - 1).index + 1)
                    .filter(next -> next.startTime < toTime).ifPresent(tiles::add);
        }
        return tiles;
    }

    /**
     * @return the session, variable and the start of the time range of a fresh series holding about
     *         {@code tiles} tiles (the largest when none is that long), empty when no series is fresh
     */
    static Optional<long[]> sampleRange(Connection connection, long tiles) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT sessionId, categoryId, minTime, maxTime, "
                + "readingCount, tileSize FROM series_summary WHERE stale = FALSE AND readingCount > 0 "
                + "ORDER BY readingCount DESC FETCH FIRST 1 ROW ONLY")) {
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long minTime = rs.getLong(3);
                double share = Math.min(1, tiles * (double) rs.getInt(6) / rs.getLong(5));
                long to = minTime + (long) Math.ceil((rs.getLong(4) - minTime + 1) * share);
                return Optional.of(new long[] { rs.getLong(1), rs.getLong(2), minTime, to });
            }
        }
    }

    /** @return {@code [min, max]} time of a session's readings, empty when it has none */
    static Optional<long[]> sessionTimeRange(Connection connection, long sessionId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT MIN(minTime), MAX(maxTime) FROM series_summary WHERE sessionId = ?")) {
            query.setLong(1, sessionId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                long min = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(new long[] { min, rs.getLong(2) });
            }
        }
    }

    // --- the series row -----------------------------------------------------------------------

    private static Optional<Series> series(Connection connection, long sessionId, long categoryId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT readingCount, minTime, maxTime, tileSize, "
                + "stale FROM series_summary WHERE sessionId = ? AND categoryId = ?")) {
            query.setLong(1, sessionId);
            query.setLong(2, categoryId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(new Series(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                        rs.getBoolean(5))) : Optional.empty();
            }
        }
    }

    /**
     * Locks a series row until the transaction ends (creating an empty one with {@code tileSize} if
     * missing) and reads it.
     */
    private static Series lockSeries(Connection connection, long sessionId, long categoryId, int tileSize)
            throws SQLException {
        try (PreparedStatement touch = connection.prepareStatement(
                "UPDATE series_summary SET stale = stale WHERE sessionId = ? AND categoryId = ?")) {
            touch.setLong(1, sessionId);
            touch.setLong(2, categoryId);
            if (touch.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO series_summary VALUES (?, ?, 0, 0, 0, ?, FALSE)")) {
                    insert.setLong(1, sessionId);
                    insert.setLong(2, categoryId);
                    insert.setInt(3, tileSize);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                    touch.executeUpdate(); // a concurrent chunk created it first
                }
            }
        }
        return series(connection, sessionId, categoryId).orElseThrow();
    }

    private static void writeSeries(Connection connection, long sessionId, long categoryId, Series series)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE series_summary SET readingCount = ?, "
                + "minTime = ?, maxTime = ?, tileSize = ?, stale = ? WHERE sessionId = ? AND categoryId = ?")) {
            update.setLong(1, series.count());
            update.setLong(2, series.minTime());
            update.setLong(3, series.maxTime());
            update.setInt(4, series.tileSize());
            update.setBoolean(5, series.stale());
            update.setLong(6, sessionId);
            update.setLong(7, categoryId);
            update.executeUpdate();
        }
    }

    private static void deleteSeries(Connection connection, long sessionId, long categoryId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM series_summary WHERE sessionId = ? AND categoryId = ?")) {
            delete.setLong(1, sessionId);
            delete.setLong(2, categoryId);
            delete.executeUpdate();
        }
    }

    // --- tiles --------------------------------------------------------------------------------

    /** Batch indexes of one series sorted by (time, id); ids follow batch order. */
    private static int[] inTimeOrder(ReadingBatch batch, int[] indexes) {
        for (int i = 1; i < indexes.length; i++) {
            if (batch.timeLogged(indexes[i]) < batch.timeLogged(indexes[i - 1])) {
                return Arrays.stream(indexes).boxed()
                        .sorted((a, b) -> a.equals(b) ? 0
                                : batch.timeLogged(a) != batch.timeLogged(b)
                                        ? Long.compare(batch.timeLogged(a), batch.timeLogged(b))
                                        : Integer.compare(a, b))
                        .mapToInt(Integer::intValue).toArray();
            }
        }
        return indexes;
    }

    /** Extends the tiles of an in-order series by a chunk's readings (already in time order). */
    private static void appendTiles(Connection connection, long sessionId, long categoryId, Series series,
            ReadingBatch batch, int[] indexes, long firstId) throws SQLException {
        int tileSize = series.tileSize();
        long count = series.count();
        int next = 0;
        if (count % tileSize != 0) {
            long last = (count - 1) / tileSize;
            Tile partial = tile(connection, sessionId, categoryId, last).orElseThrow(() -> new SQLException("tile "
                    + last + " of session " + sessionId + ", variable " + categoryId + " is missing from a fresh series"));
            while (next < indexes.length && partial.count < tileSize) {
                int i = indexes[next++];
                partial.add(batch.timeLogged(i), firstId + i, batch.value(i));
            }
            updateTile(connection, sessionId, categoryId, partial);
            count += next;
        }
        try (TileWriter writer = new TileWriter(connection, sessionId, categoryId, tileSize, count)) {
            for (; next < indexes.length; next++) {
                int i = indexes[next];
                writer.add(batch.timeLogged(i), firstId + i, batch.value(i));
            }
        }
    }

    private static Optional<Tile> tile(Connection connection, long sessionId, long categoryId, long index)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(TILE_BY_INDEX)) {
            query.setLong(1, sessionId);
            query.setLong(2, categoryId);
            query.setLong(3, index);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(tile(rs)) : Optional.empty();
            }
        }
    }

    private static Tile tile(ResultSet rs) throws SQLException {
        return new Tile(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10));
    }

    private static void updateTile(Connection connection, long sessionId, long categoryId, Tile tile)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE series_tile SET readingCount = ?, "
                + "endTime = ?, endId = ?, minValue = ?, maxValue = ?, lastValue = ? "
                + "WHERE sessionId = ? AND categoryId = ? AND tileIndex = ?")) {
            update.setInt(1, tile.count);
            update.setLong(2, tile.endTime);
            update.setLong(3, tile.endId);
            update.setDouble(4, tile.min);
            update.setDouble(5, tile.max);
            update.setDouble(6, tile.last);
            update.setLong(7, sessionId);
            update.setLong(8, categoryId);
            update.setLong(9, tile.index);
            update.executeUpdate();
        }
    }

    /**
     * Cuts readings of one series, given in (time, id) order, into tiles and inserts them in
     * batches; the last tile may be partial.
     */
    private static final class TileWriter implements AutoCloseable {
        private final PreparedStatement insert;
        private final long sessionId;
        private final long categoryId;
        private final int tileSize;
        /** Readings of the series before the next one, which fixes the tile index. */
        private long count;
        private Tile open;
        private int pending;

        /** @param count readings of the series already cut into whole tiles */
        TileWriter(Connection connection, long sessionId, long categoryId, int tileSize, long count)
                throws SQLException {
            insert = connection.prepareStatement("INSERT INTO series_tile (sessionId, categoryId, " + TILE_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            this.sessionId = sessionId;
            this.categoryId = categoryId;
            this.tileSize = tileSize;
            this.count = count;
        }

        void add(long time, long id, double value) throws SQLException {
            if (open != null && open.count < tileSize) {
                open.add(time, id, value);
            } else {
                if (open != null) {
                    insert(open);
                }
                open = Tile.of(count / tileSize, time, id, value);
            }
            count++;
        }

        private void insert(Tile tile) throws SQLException {
            insert.setLong(1, sessionId);
            insert.setLong(2, categoryId);
            insert.setLong(3, tile.index);
            insert.setInt(4, tile.count);
            insert.setLong(5, tile.startTime);
            insert.setLong(6, tile.startId);
            insert.setLong(7, tile.endTime);
            insert.setLong(8, tile.endId);
            insert.setDouble(9, tile.min);
            insert.setDouble(10, tile.max);
            insert.setDouble(11, tile.first);
            insert.setDouble(12, tile.last);
            insert.addBatch();
            if (++pending == BulkReadingWriter.JDBC_BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        /** Inserts the open tile and what is still batched. */
        @Override
        public void close() throws SQLException {
            try {
                if (open != null) {
                    insert(open);
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            } finally {
                insert.close();
            }
        }
    }
}
