// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.tests;

import java.sql.Connection;

import blitz.client.store.internal.BulkReadingWriter;
import blitz.client.store.internal.DerbyDatabase;
import blitz.client.store.internal.Schema;
import blitz.model.client.ReadingBatch;

/**
 * The crash test's child JVM (plain class path: Derby's jars, the model and the store's classes):
 * writes bulk chunks through the store's own bulk writer and schema, one transaction per chunk, in
 * a loop until it is killed. Prints {@code BEGIN n} before a chunk and {@code COMMITTED n} after
 * its commit returned.
 *
 * <p>Arguments: database folder, session id, category id, chunk size.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        DerbyDatabase database = DerbyDatabase.of(args[0]);
        long sessionId = Long.parseLong(args[1]);
        long categoryId = Long.parseLong(args[2]);
        int chunkSize = Integer.parseInt(args[3]);
        ReadingBatch batch = new ReadingBatch(chunkSize);
        try (Connection connection = database.connect()) {
            Schema.create(connection, false);
            connection.setAutoCommit(false);
            for (long chunk = 0;; chunk++) {
                batch.clear();
                for (int i = 0; i < chunkSize; i++) {
                    batch.add(chunk * chunkSize + i, categoryId, i);
                }
                System.out.println("BEGIN " + chunk);
                BulkReadingWriter.write(connection, sessionId, batch);
                connection.commit();
                System.out.println("COMMITTED " + chunk);
            }
        }
    }
}
