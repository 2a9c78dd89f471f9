// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.util.List;
import java.util.function.Consumer;

import blitz.model.client.DownloadStore;
import blitz.model.client.ReadingBatch;

/**
 * Session downloads: raw messages ({@link RawMessageTable}) and the readings decoded from them
 * ({@link BulkReadingWriter}), each chunk in one transaction.
 */
final class DownloadWriter implements DownloadStore {
    private final Transactions transactions;
    /** Readings per tile of newly summarised series ({@link ReadingTiles}). */
    private final int tileSize;

    DownloadWriter(Transactions transactions, int tileSize) {
        this.transactions = transactions;
        this.tileSize = tileSize;
    }

    @Override
    public void addDownloadChunk(long sessionId, long firstIndex, List<String> rawLines, ReadingBatch readings) {
        transactions.jdbc(connection -> {
            RawMessageTable.append(connection, sessionId, firstIndex, rawLines);
            return BulkReadingWriter.write(connection, sessionId, readings, tileSize);
        });
    }

    @Override
    public int addReadings(long sessionId, ReadingBatch batch) {
        return transactions.jdbc(connection -> BulkReadingWriter.write(connection, sessionId, batch, tileSize));
    }

    @Override
    public long rawMessageCount(long sessionId) {
        return transactions.jdbc(connection -> RawMessageTable.count(connection, sessionId));
    }

    @Override
    public long readRawMessages(long sessionId, long fromIndex, int chunkSize, Consumer<List<String>> chunkConsumer) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        }
        // Chunk by chunk, each in its own short read, so the consumer may write to the store.
        long next = Math.max(0, fromIndex);
        long delivered = 0;
        while (true) {
            long from = next;
            List<String> chunk = transactions.jdbc(
                    connection -> RawMessageTable.read(connection, sessionId, from, chunkSize));
            if (chunk.isEmpty()) {
                return delivered;
            }
            chunkConsumer.accept(chunk);
            delivered += chunk.size();
            next += chunk.size();
        }
    }

    @Override
    public void clearSessionReadings(long sessionId) {
        transactions.jdbc(connection -> {
            ReadingTable.deleteSession(connection, sessionId);
            return null;
        });
    }
}
