// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import blitz.model.client.ReadingBatch;

/**
 * The download path: writes a chunk of readings with plain JDBC batches on a connection whose
 * transaction the caller owns (inside the store it is EclipseLink's own connection of the current
 * JPA transaction). Ids come from the same TABLE generator row EclipseLink uses for readings, taken
 * as one range per chunk, so single inserts through JPA and bulk chunks never collide.
 *
 * <p>Plain JDBC on purpose: EclipseLink's unit of work costs about half the throughput for rows
 * that need no object identity, no cache and no change tracking.
 */
public final class BulkReadingWriter {
    /** Statements per JDBC batch: large enough to amortise the call, small enough to keep memory flat. */
    static final int JDBC_BATCH = 1000;

    private BulkReadingWriter() {
    }

    /**
     * Inserts every reading of {@code batch} for {@code sessionId} and records them in the series
     * summary ({@link ReadingTiles}, default tile size). Does not commit.
     *
     * @return the number of rows inserted
     */
    public static int write(Connection connection, long sessionId, ReadingBatch batch) throws SQLException {
        return write(connection, sessionId, batch, ReadingTiles.DEFAULT_TILE_SIZE);
    }

    /** {@link #write(Connection, long, ReadingBatch)} with new series cut into tiles of {@code tileSize}. */
    static int write(Connection connection, long sessionId, ReadingBatch batch, int tileSize) throws SQLException {
        int size = batch.size();
        if (size == 0) {
            return 0;
        }
        long firstId = allocateIds(connection, size);
        ReadingTiles.recordChunk(connection, sessionId, batch, firstId, tileSize);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO reading (id, sessionId, timeLogged, categoryId, value) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < size; i++) {
                insert.setLong(1, firstId + i);
                insert.setLong(2, sessionId);
                insert.setLong(3, batch.timeLogged(i));
                insert.setLong(4, batch.categoryId(i));
                insert.setDouble(5, batch.value(i));
                insert.addBatch();
                if ((i + 1) % JDBC_BATCH == 0) {
                    insert.executeBatch();
                }
            }
            if (size % JDBC_BATCH != 0) {
                insert.executeBatch();
            }
        }
        return size;
    }

    /**
     * Takes {@code count} ids from the reading generator row, the way EclipseLink's TableSequence
     * does (add, then read the new last value). @return the first id of the range
     */
    static long allocateIds(Connection connection, int count) throws SQLException {
        if (Sql.update(connection, "UPDATE id_sequence SET seq_count = seq_count + ? WHERE seq_name = ?", (long) count,
                Schema.READING_SEQUENCE) != 1) {
            throw new SQLException("no id generator row for readings: was the schema created?");
        }
        return Sql.first(connection, "SELECT seq_count FROM id_sequence WHERE seq_name = ?", rs -> rs.getLong(1),
                Schema.READING_SEQUENCE).orElseThrow() - count + 1;
    }
}
