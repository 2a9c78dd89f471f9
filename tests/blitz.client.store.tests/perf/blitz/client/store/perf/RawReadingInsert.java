// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.perf;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import blitz.client.store.internal.Schema;
import blitz.model.client.ReadingBatch;

/**
 * The benchmarks' raw baseline: plain JDBC batches of 1 000 into the store's reading table (the
 * store's own schema, optionally without its plot index), ids counted here; the caller commits.
 */
final class RawReadingInsert implements AutoCloseable {
    private final PreparedStatement insert;
    private long id;

    /** Creates the store's schema on {@code connection} (dropping the plot index unless {@code withIndex}). */
    RawReadingInsert(Connection connection, boolean withIndex) throws SQLException {
        Schema.create(connection, false);
        if (!withIndex) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP INDEX reading_series");
            }
        }
        connection.setAutoCommit(false);
        insert = connection.prepareStatement(
                "INSERT INTO reading (id, sessionId, timeLogged, categoryId, value) VALUES (?, ?, ?, ?, ?)");
    }

    void insert(ReadingBatch batch) throws SQLException {
        for (int i = 0; i < batch.size(); i++) {
            insert.setLong(1, ++id);
            insert.setLong(2, 1);
            insert.setLong(3, batch.timeLogged(i));
            insert.setLong(4, batch.categoryId(i));
            insert.setDouble(5, batch.value(i));
            insert.addBatch();
            if ((i + 1) % 1000 == 0) {
                insert.executeBatch();
            }
        }
        insert.executeBatch();
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
