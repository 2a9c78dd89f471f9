// SPDX-License-Identifier: EPL-2.0
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

import blitz.client.store.internal.SeriesTable.Series;
import blitz.model.client.ReadingBatch;

/**
 * The summary of every series (one variable of one session), kept beside the readings so that plots
 * and session overviews never read every reading (Trace Compass's state system is the model).
 *
 * <p>{@code series_summary} has one row per series ({@link SeriesTable}). {@code series_tile} cuts
 * the series, in (time, id) order, into tiles of {@code tileSize} consecutive readings (the last one
 * may be partial) holding count, min, max, first and last reading. Tiles are in time order: a tile ends no later than the next
 * one starts, so a bucket edge cuts at most one tile.
 *
 * <p>Maintenance: a bulk chunk whose readings of a series start no earlier than the series ends
 * (the normal download) extends the tiles in the chunk's transaction. Any other insert (an
 * out-of-order chunk, a single JPA insert) only updates the series row and marks its tiles stale;
 * the next query of the series rebuilds them ({@link #ensureFresh}). Count and time range are kept
 * exact on every insert, so session overviews never need a rebuild. Removing a session's readings
 * removes its summary ({@link SeriesTable#deleteSession}).
 *
 * <p>Lock order, to stay free of deadlocks: the series row is locked (updated) before readings of
 * the series are inserted or scanned. Plain JDBC on the caller's connection; never commits.
 */
final class ReadingTiles {
    /** Readings per tile when the store is not configured otherwise. */
    static final int DEFAULT_TILE_SIZE = 64;

    static final String TILE_TABLE_DDL = "CREATE TABLE series_tile (sessionId BIGINT NOT NULL, "
            + "categoryId BIGINT NOT NULL, tileIndex BIGINT NOT NULL, readingCount INTEGER NOT NULL, "
            + "startTime BIGINT NOT NULL, startId BIGINT NOT NULL, endTime BIGINT NOT NULL, endId BIGINT NOT NULL, "
            + "minValue DOUBLE NOT NULL, maxValue DOUBLE NOT NULL, firstValue DOUBLE NOT NULL, "
            + "lastValue DOUBLE NOT NULL, PRIMARY KEY (sessionId, categoryId, tileIndex))";
    /** Covering, in tile order: a range query reads only this index. */
    static final String TILE_INDEX_DDL = "CREATE INDEX series_tile_time ON series_tile (sessionId, categoryId, "
            + "endTime, tileIndex, startTime, startId, endId, readingCount, minValue, maxValue, firstValue, lastValue)";

    private static final String TILE_BY_INDEX = "SELECT " + Tile.COLUMNS
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
            Series series = SeriesTable.lock(connection, sessionId, category, tileSize);
            boolean appends = !series.stale() && (series.count() == 0 || chunkMin >= series.maxTime());
            if (appends) {
                appendTiles(connection, sessionId, category, series, batch, indexes, firstId);
            }
            SeriesTable.write(connection, sessionId, category, new Series(series.count() + indexes.length,
                    series.count() == 0 ? chunkMin : Math.min(series.minTime(), chunkMin),
                    series.count() == 0 ? chunkMax : Math.max(series.maxTime(), chunkMax), series.tileSize(),
                    !appends));
        }
    }

    /** Records one reading inserted outside the bulk path: its series' tiles become stale. */
    static void recordSingle(Connection connection, long sessionId, long categoryId, long time)
            throws SQLException {
        Series series = SeriesTable.lock(connection, sessionId, categoryId, DEFAULT_TILE_SIZE);
        boolean empty = series.count() == 0;
        SeriesTable.write(connection, sessionId, categoryId, new Series(series.count() + 1,
                empty ? time : Math.min(series.minTime(), time), empty ? time : Math.max(series.maxTime(), time),
                series.tileSize(), true));
    }

    /**
     * Rebuilds a series' tiles from its readings when they are stale (or were cut with another tile
     * size), in one pass over the covering reading index.
     */
    static void ensureFresh(Connection connection, long sessionId, long categoryId, int tileSize)
            throws SQLException {
        Optional<Series> known = SeriesTable.series(connection, sessionId, categoryId);
        if (known.isEmpty() || !known.get().stale() && known.get().tileSize() == tileSize) {
            return;
        }
        Series series = SeriesTable.lock(connection, sessionId, categoryId, tileSize);
        if (!series.stale() && series.tileSize() == tileSize) {
            return; // another query rebuilt it meanwhile
        }
        Sql.update(connection, "DELETE FROM series_tile WHERE sessionId = ? AND categoryId = ?", sessionId, categoryId);
        long count = 0;
        long minTime = 0;
        long maxTime = 0;
        try (TileWriter writer = new TileWriter(connection, sessionId, categoryId, tileSize, 0);
                PreparedStatement scan = connection.prepareStatement("SELECT timeLogged, id, value FROM reading "
                        + "WHERE sessionId = ? AND categoryId = ? ORDER BY timeLogged, id")) {
            Sql.bind(scan, sessionId, categoryId).setFetchSize(1000);
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
            SeriesTable.delete(connection, sessionId, categoryId);
        } else {
            SeriesTable.write(connection, sessionId, categoryId, new Series(count, minTime, maxTime, tileSize, false));
        }
    }

    // --- queries ------------------------------------------------------------------------------

    /**
     * @return the tiles of a fresh series that hold readings in {@code [fromTime, toTime)}, in order;
     *         empty when none of them ends inside the range (then it holds at most one tile's readings)
     */
    static List<Tile> overlapping(Connection connection, long sessionId, long categoryId, long fromTime, long toTime)
            throws SQLException {
        List<Tile> tiles;
        // a bounded scan of the covering index: the tiles that end in the range...
        // (Derby's optimizer otherwise scans the whole series by its primary key and sorts)
        try (PreparedStatement query = connection.prepareStatement("SELECT " + Tile.COLUMNS + " FROM series_tile "
                + "--DERBY-PROPERTIES index=series_tile_time\n"
                + "WHERE sessionId = ? AND categoryId = ? AND endTime >= ? AND endTime < ? ORDER BY endTime, tileIndex")) {
            Sql.bind(query, sessionId, categoryId, fromTime, toTime).setFetchSize(1000);
            tiles = new ArrayList<>(Sql.list(query, Tile::read));
        }
        // ...and the next one, which may start inside it (tiles are in time order, so no other can)
        if (!tiles.isEmpty()) {
            tile(connection, sessionId, categoryId, tiles.get(tiles.size() - 1).index + 1)
                    .filter(next -> next.startTime < toTime).ifPresent(tiles::add);
        }
        return tiles;
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
        return Sql.first(connection, TILE_BY_INDEX, Tile::read, sessionId, categoryId, index);
    }

    private static void updateTile(Connection connection, long sessionId, long categoryId, Tile tile)
            throws SQLException {
        Sql.update(connection, "UPDATE series_tile SET readingCount = ?, endTime = ?, endId = ?, minValue = ?, "
                + "maxValue = ?, lastValue = ? WHERE sessionId = ? AND categoryId = ? AND tileIndex = ?", tile.count,
                tile.endTime, tile.endId, tile.min, tile.max, tile.last, sessionId, categoryId, tile.index);
    }
}
