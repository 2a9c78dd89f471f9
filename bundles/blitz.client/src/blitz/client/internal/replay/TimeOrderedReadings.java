// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import blitz.model.Reading;
import blitz.model.client.SeriesQueries;

/**
 * A session's readings in time-then-id order, merged from one page cursor per variable, so at most
 * one page per variable is in memory whatever the session's length. Not thread-safe.
 */
final class TimeOrderedReadings {
    private static final Comparator<Reading> ORDER = Comparator.comparingLong(Reading::timeLogged)
            .thenComparingLong(Reading::id);

    /** One variable's readings, a page at a time. */
    private static final class SeriesCursor {
        private final long categoryId;
        private List<Reading> page = List.of();
        private int next;
        private long afterTime;
        private long afterId;
        private boolean exhausted;

        SeriesCursor(long categoryId, long fromTime) {
            this.categoryId = categoryId;
            this.afterTime = fromTime;
            this.afterId = Long.MIN_VALUE;
        }

        /** @return the next reading, loading the next page when needed; null at the end */
        Reading head(SeriesQueries series, long sessionId, int pageSize) {
            if (next == page.size() && !exhausted) {
                page = series.seriesPage(sessionId, categoryId, afterTime, afterId, pageSize);
                next = 0;
                exhausted = page.size() < pageSize;
                if (!page.isEmpty()) {
                    Reading last = page.get(page.size() - 1);
                    afterTime = last.timeLogged();
                    afterId = last.id();
                }
            }
            return next < page.size() ? page.get(next) : null;
        }
    }

    private final SeriesQueries series;
    private final long sessionId;
    private final List<Long> categoryIds;
    private final int pageSize;
    private final PriorityQueue<SeriesCursor> byHead;
    private final List<SeriesCursor> waiting = new ArrayList<>();

    TimeOrderedReadings(SeriesQueries series, long sessionId, List<Long> categoryIds, int pageSize) {
        this.series = series;
        this.sessionId = sessionId;
        this.categoryIds = List.copyOf(categoryIds);
        this.pageSize = pageSize;
        this.byHead = new PriorityQueue<>(Math.max(1, categoryIds.size()),
                (a, b) -> ORDER.compare(a.page.get(a.next), b.page.get(b.next)));
        seek(Long.MIN_VALUE);
    }

    /** Starts again at the first reading at or after {@code time}; pages are read when first needed. */
    void seek(long time) {
        byHead.clear();
        waiting.clear();
        for (long categoryId : categoryIds) {
            waiting.add(new SeriesCursor(categoryId, time));
        }
    }

    /** @return the next reading without taking it, null at the end */
    Reading peek() {
        for (SeriesCursor cursor : waiting) {
            if (cursor.head(series, sessionId, pageSize) != null) {
                byHead.add(cursor);
            }
        }
        waiting.clear();
        SeriesCursor first = byHead.peek();
        return first == null ? null : first.page.get(first.next);
    }

    /** @return the next reading, taken; null at the end */
    Reading next() {
        Reading head = peek();
        if (head != null) {
            SeriesCursor cursor = byHead.poll();
            cursor.next++;
            waiting.add(cursor); // its next head may need a page: read on the next peek
        }
        return head;
    }
}
