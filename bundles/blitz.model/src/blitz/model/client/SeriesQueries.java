// SPDX-License-Identifier: EPL-2.0
package blitz.model.client;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import blitz.model.Category;
import blitz.model.Reading;

/**
 * Reading a downloaded session: the plot's pixel-resolution query, paging for replay, streaming for
 * export. A series is the readings of one variable ({@code categoryId}) of one session.
 *
 * <p>Guarantees:
 * <ul>
 * <li><b>Order.</b> Readings come ordered by time, then id.</li>
 * <li><b>Cost.</b> No method loads every reading of a session into memory; {@link #buckets} and
 * {@link #seriesPage} cost what they return, whatever the session's length.</li>
 * <li><b>Unknown sessions.</b> A session without readings reads as empty; nothing throws for it.</li>
 * <li><b>Thread safety.</b> Every method may be called from any thread.</li>
 * </ul>
 */
public interface SeriesQueries {

    /** @return the distinct categories that have readings in a session, by id */
    List<Category> getSessionVariables(long sessionId);

    /** @return the times of the first and last reading of a session, empty when it has none */
    Optional<TimeSpan> sessionTimeRange(long sessionId);

    /**
     * Pixel-resolution query for plots: the readings of one variable of a session in
     * {@code [fromTime, toTime)}, reduced to at most {@code width} equal-width time buckets (empty
     * buckets omitted), in time order. Exact: counts, extremes and edge values are those of the
     * readings.
     *
     * @throws IllegalArgumentException if {@code width} is less than 1
     */
    List<Bucket> buckets(long sessionId, long categoryId, long fromTime, long toTime, int width);

    /**
     * One page of one variable's readings in a session, for reading in time order from any point
     * without holding a cursor open (replay, seek): the readings of {@code categoryId} after the
     * position ({@code afterTime}, {@code afterId}) — a later time, or the same time and a greater id —
     * ordered by time then id, at most {@code limit}. Start at time t with {@code (t, Long.MIN_VALUE)};
     * continue with the time and id of the last reading returned.
     *
     * @return the page; shorter than {@code limit} (possibly empty) at the end of the series
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<Reading> seriesPage(long sessionId, long categoryId, long afterTime, long afterId, int limit);

    /**
     * Streams a session's readings ordered by time then id, in chunks of at most {@code chunkSize},
     * through one cursor (the consumer runs while it is open and must not write to the store).
     *
     * @return the number of readings delivered
     * @throws IllegalArgumentException if {@code chunkSize} is not positive
     */
    long forEachSessionReading(long sessionId, int chunkSize, Consumer<List<Reading>> chunkConsumer);
}
