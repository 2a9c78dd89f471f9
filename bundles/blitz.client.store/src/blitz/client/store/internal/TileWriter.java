// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Cuts readings of one series, given in (time, id) order, into tiles and inserts them in
 * batches; the last tile may be partial.
 */
final class TileWriter implements AutoCloseable {
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
        insert = connection.prepareStatement("INSERT INTO series_tile (sessionId, categoryId, " + Tile.COLUMNS
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
        Sql.bind(insert, sessionId, categoryId, tile.index, tile.count, tile.startTime, tile.startId, tile.endTime,
                tile.endId, tile.min, tile.max, tile.first, tile.last);
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
