// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import blitz.model.client.Bucket;
import blitz.model.client.ReadingBatch;

/**
 * The tile table itself, on plain JDBC: tiles are consecutive readings in (time, id) order, an
 * in-order chunk extends them in place, anything else makes them stale until the next query, wide
 * buckets really come from the tiles, and a database whose readings predate the summary gets one.
 */
class ReadingTilesTest {
    private static final int TILE = 8;
    private DerbyDatabase database;
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        database = DerbyDatabase.of(DerbyDatabase.MEMORY);
        connection = database.connect();
        Schema.create(connection, false);
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        connection.rollback();
        connection.close();
        database.shutdown();
    }

    private void write(long firstTime, int size) throws SQLException {
        ReadingBatch batch = new ReadingBatch(size);
        for (int i = 0; i < size; i++) {
            batch.add(firstTime + i / 3, 1, Math.sin(i)); // three readings per time: ties across tile edges
        }
        BulkReadingWriter.write(connection, 1, batch, TILE);
        connection.commit();
    }

    private boolean stale() throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT stale FROM series_summary WHERE sessionId = 1")) {
            assertTrue(rs.next());
            return rs.getBoolean(1);
        }
    }

    /** The tiles as they must be: the readings in (time, id) order, cut every {@link #TILE}. */
    private void assertTilesExact() throws SQLException {
        List<long[]> readings = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(
                "SELECT timeLogged, id, value FROM reading WHERE sessionId = 1 ORDER BY timeLogged, id")) {
            while (rs.next()) {
                readings.add(new long[] { rs.getLong(1), rs.getLong(2) });
                values.add(rs.getDouble(3));
            }
        }
        List<Tile> tiles = ReadingTiles.overlapping(connection, 1, 1, Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals((readings.size() + TILE - 1) / TILE, tiles.size());
        for (Tile tile : tiles) {
            int from = (int) tile.index * TILE;
            int to = Math.min(from + TILE, readings.size());
            List<Double> part = values.subList(from, to);
            assertEquals(to - from, tile.count);
            assertEquals(readings.get(from)[0], tile.startTime);
            assertEquals(readings.get(from)[1], tile.startId);
            assertEquals(readings.get(to - 1)[0], tile.endTime);
            assertEquals(readings.get(to - 1)[1], tile.endId);
            assertEquals(part.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), tile.min);
            assertEquals(part.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), tile.max);
            assertEquals(part.get(0), tile.first);
            assertEquals(part.get(part.size() - 1), tile.last);
        }
    }

    @Test
    void inOrderChunksExtendTheTilesAndOthersMakeThemStale() throws SQLException {
        write(0, 101);
        write(33, 50); // starts at the time the series ends: still in order
        assertTrue(!stale());
        assertTilesExact();

        write(10, 20);
        assertTrue(stale());
        ReadingTiles.ensureFresh(connection, 1, 1, TILE);
        connection.commit();
        assertTrue(!stale());
        assertTilesExact();

        ReadingTiles.recordSingle(connection, 1, 1, 1000);
        assertTrue(stale());
    }

    @Test
    void wideBucketsComeFromTheTiles() throws SQLException {
        write(0, 3000);
        // change a reading behind the summary's back, in the middle of a tile of the first bucket
        try (Statement update = connection.createStatement()) {
            assertEquals(1, update.executeUpdate("UPDATE reading SET value = 1000 WHERE id = "
                    + "(SELECT MIN(id) FROM reading) + " + (TILE * 5 + 3)));
        }
        connection.commit();
        List<Bucket> wide = BucketQuery.run(connection, 1, 1, 0, 1000, 10, TILE);
        assertTrue(wide.get(0).max() <= 1, "the tile path did not read the changed reading");
        List<Bucket> narrow = BucketQuery.run(connection, 1, 1, 0, 20, 10, TILE);
        assertEquals(1000, narrow.stream().mapToDouble(Bucket::max).max().orElseThrow(),
                "the raw path reads every reading");
    }

    @Test
    void readingsThatPredateTheSummaryGetOne() throws SQLException {
        write(0, 100);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE series_tile");
            statement.execute("DROP TABLE series_summary");
        }
        connection.commit();
        Schema.create(connection, false);
        assertTrue(stale());
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT readingCount, minTime, maxTime FROM series_summary WHERE sessionId = 1");
                ResultSet rs = query.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(100, rs.getLong(1));
            assertEquals(0, rs.getLong(2));
            assertEquals(33, rs.getLong(3));
        }
        ReadingTiles.ensureFresh(connection, 1, 1, TILE);
        connection.commit();
        assertTilesExact();
    }
}
