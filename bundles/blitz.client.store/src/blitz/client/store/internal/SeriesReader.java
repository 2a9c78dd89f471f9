// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import blitz.model.Category;
import blitz.model.Reading;
import blitz.model.client.Bucket;
import blitz.model.client.SeriesQueries;
import blitz.model.client.TimeSpan;

/**
 * The series queries: summaries from {@link SeriesTable}, buckets from {@link BucketQuery}, pages and
 * streams from {@link ReadingTable}, each in one transaction.
 */
final class SeriesReader implements SeriesQueries {
    private final Transactions transactions;
    /** Readings per tile the bucket query wants its series cut into ({@link ReadingTiles}). */
    private final int tileSize;

    SeriesReader(Transactions transactions, int tileSize) {
        this.transactions = transactions;
        this.tileSize = tileSize;
    }

    @Override
    public List<Category> getSessionVariables(long sessionId) {
        return transactions.jdbc(connection -> ReadingTable.sessionVariables(connection, sessionId));
    }

    @Override
    public Optional<TimeSpan> sessionTimeRange(long sessionId) {
        return transactions.jdbc(connection -> SeriesTable.sessionTimeRange(connection, sessionId));
    }

    @Override
    public List<Bucket> buckets(long sessionId, long categoryId, long fromTime, long toTime, int width) {
        return transactions.jdbc(connection -> BucketQuery.run(connection, sessionId, categoryId, fromTime, toTime,
                width, tileSize));
    }

    @Override
    public List<Reading> seriesPage(long sessionId, long categoryId, long afterTime, long afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return transactions.jdbc(
                connection -> ReadingTable.page(connection, sessionId, categoryId, afterTime, afterId, limit));
    }

    @Override
    public long forEachSessionReading(long sessionId, int chunkSize, Consumer<List<Reading>> chunkConsumer) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        }
        return transactions.jdbc(connection -> ReadingTable.stream(connection, sessionId, chunkSize, chunkConsumer));
    }
}
