// SPDX-License-Identifier: EPL-2.0
package blitz.model.client;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where session downloads land: the raw board lines of a session, numbered by their position, and
 * the readings decoded from them, written by the bulk path.
 *
 * <p>Guarantees:
 * <ul>
 * <li><b>Whole chunks.</b> A chunk ({@link #addDownloadChunk}, {@link #addReadings}) is one
 * transaction: visible whole or not at all, also after a crash.</li>
 * <li><b>No duplicates.</b> Raw messages are numbered from 0 without holes; a chunk must start where
 * the stored ones end, so a resumed download never stores a message twice.</li>
 * <li><b>Precision.</b> Values are stored as doubles at full precision; readings get ids that are
 * never reused.</li>
 * <li><b>Thread safety.</b> Every method may be called from any thread.</li>
 * </ul>
 */
public interface DownloadStore {

    /**
     * Stores one downloaded chunk in one transaction: the raw lines, numbered from {@code firstIndex},
     * and the readings decoded from them.
     *
     * @throws IllegalStateException    if {@code firstIndex} is not {@link #rawMessageCount}
     * @throws IllegalArgumentException for a raw line longer than the store keeps
     */
    void addDownloadChunk(long sessionId, long firstIndex, List<String> rawLines, ReadingBatch readings);

    /**
     * The bulk path for a re-decode: stores a chunk of readings of one session in one transaction
     * with pre-allocated ids and batched statements.
     *
     * @return the number stored
     */
    int addReadings(long sessionId, ReadingBatch batch);

    /** @return how many raw messages of a session are stored: where a resumed download continues */
    long rawMessageCount(long sessionId);

    /**
     * Streams a session's stored raw messages in their download order, from {@code fromIndex}, in
     * chunks of at most {@code chunkSize}. Each chunk is read in a short transaction of its own, so
     * the consumer may write to the store.
     *
     * @return the number delivered
     * @throws IllegalArgumentException if {@code chunkSize} is not positive
     */
    long readRawMessages(long sessionId, long fromIndex, int chunkSize, Consumer<List<String>> chunkConsumer);

    /** Removes a session's readings but keeps its raw messages, before a re-decode. */
    void clearSessionReadings(long sessionId);
}
