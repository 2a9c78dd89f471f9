// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import blitz.model.client.ReadingBatch;

/**
 * A second workstation for the shared-database test, in a JVM of its own (plain class path: Derby's
 * jars, the model and the store's classes): writes a session's download chunk by chunk exactly as
 * the store's {@code addDownloadChunk} does (the raw lines and their readings in one transaction) into
 * a database on a Derby network server. Prints {@code STORED c} per chunk it stored,
 * {@code DUPLICATE c} per chunk another workstation had stored first (refused by the store's check
 * that a chunk starts where the session's raw messages end, or, when both checked at the same moment,
 * by the raw messages' primary key), then {@code DONE}.
 *
 * <p>Arguments: JDBC URL, user, password, session id, chunks, lines per chunk, category id.
 */
public final class ChunkDownloadProcess {
    /** Derby's SQLState for a duplicate key. */
    private static final String DUPLICATE_KEY = "23505";

    private ChunkDownloadProcess() {
    }

    /** A batch insert reports the duplicate key on the batch exception or the one chained to it. */
    private static boolean duplicateKey(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            for (Throwable cause = next; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    public static void main(String[] args) throws Exception {
        DerbyDatabase database = DerbyDatabase.of(args[0], args[1], args[2]);
        long sessionId = Long.parseLong(args[3]);
        int chunks = Integer.parseInt(args[4]);
        int chunkSize = Integer.parseInt(args[5]);
        long categoryId = Long.parseLong(args[6]);
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            for (int chunk = 0; chunk < chunks; chunk++) {
                List<String> lines = new ArrayList<>();
                ReadingBatch readings = new ReadingBatch(chunkSize);
                for (int i = 0; i < chunkSize; i++) {
                    long index = (long) chunk * chunkSize + i;
                    lines.add(String.format("08%026x", index));
                    readings.add(index, categoryId, i);
                }
                try {
                    RawMessageTable.append(connection, sessionId, (long) chunk * chunkSize, lines);
                    BulkReadingWriter.write(connection, sessionId, readings, ReadingTiles.DEFAULT_TILE_SIZE);
                    connection.commit();
                    System.out.println("STORED " + chunk);
                } catch (SQLException e) {
                    connection.rollback();
                    if (!duplicateKey(e)) {
                        throw e;
                    }
                    System.out.println("DUPLICATE " + chunk);
                } catch (IllegalStateException e) {
                    // the store's own check: the session already has this chunk (another workstation stored it)
                    connection.rollback();
                    System.out.println("DUPLICATE " + chunk);
                }
            }
        }
        System.out.println("DONE");
    }
}
