// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import blitz.model.client.Bucket;

/**
 * The buckets already fetched for a session's variables at one zoom level, so that a pan asks the store
 * only for the pixel columns that came into view. Columns lie on a fixed {@link Grid} per zoom level: a
 * store query over whole columns ({@link Grid#time}) with one bucket per column returns exactly those
 * columns' buckets, wherever the range starts. A new grid (a zoom, a resize, another session) empties
 * the cache. Each variable keeps one contiguous run of known columns (empty columns included, which the
 * store does not return), trimmed to a few screen widths around the view. Thread-safe: the query job
 * fills it while the UI thread reads it.
 */
public final class BucketCache {
    /** Known columns kept on either side of the view, in screen widths. */
    private static final int KEEP_SCREENS = 2;

    /**
     * The pixel columns of one zoom level: column {@code k} covers
     * {@code [origin + k * columnWidth, origin + (k + 1) * columnWidth)}.
     */
    public record Grid(long session, long origin, long columnWidth) {
        /** The grid whose column is the width of one pixel of {@code range} over {@code pixels} columns. */
        public static Grid of(long session, TimeRange bounds, TimeRange range, int pixels) {
            long width = range.span() / pixels + (range.span() % pixels == 0 ? 0 : 1);
            return new Grid(session, bounds.from(), Math.max(1, width));
        }

        public long time(long column) {
            return origin + column * columnWidth;
        }

        /** @return the columns {@code [first, end)} that cover {@code range} */
        public Columns cover(TimeRange range) {
            return new Columns(Math.floorDiv(range.from() - origin, columnWidth),
                    Math.floorDiv(range.to() - origin + columnWidth - 1, columnWidth));
        }

        public long columnOf(long time) {
            return Math.floorDiv(time - origin, columnWidth);
        }
    }

    /** A run of columns {@code [first, end)}. */
    public record Columns(long first, long end) {
        public int count() {
            return (int) (end - first);
        }

        public boolean touches(Columns other) {
            return first <= other.end && other.first <= end;
        }
    }

    /** The known columns of one variable and its buckets by column. */
    private static final class Known {
        Columns columns;
        final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    }

    private Grid grid;
    private final Map<Long, Known> variables = new HashMap<>();

    /** Switches to {@code newGrid}, forgetting everything when it differs from the current one. */
    public synchronized void use(Grid newGrid) {
        if (!newGrid.equals(grid)) {
            grid = newGrid;
            variables.clear();
        }
    }

    /** Forgets everything. */
    public synchronized void clear() {
        grid = null;
        variables.clear();
    }

    /** @return the runs of {@code wanted} not known for the variable, the ones the store must be asked for */
    public synchronized List<Columns> missing(long categoryId, Columns wanted) {
        Known known = variables.get(categoryId);
        if (known == null || !known.columns.touches(wanted)) {
            return List.of(wanted);
        }
        List<Columns> missing = new ArrayList<>(2);
        if (wanted.first() < known.columns.first()) {
            missing.add(new Columns(wanted.first(), known.columns.first()));
        }
        if (wanted.end() > known.columns.end()) {
            missing.add(new Columns(known.columns.end(), wanted.end()));
        }
        return missing;
    }

    /**
     * Adds the store's answer for columns {@code asked} of the variable on {@code on}; an answer for an
     * older grid is dropped. Keeps at most {@link #KEEP_SCREENS} widths of {@code view} on each side.
     */
    public synchronized void put(Grid on, long categoryId, Columns asked, List<Bucket> answer, Columns view) {
        if (!on.equals(grid)) {
            return;
        }
        Known known = variables.computeIfAbsent(categoryId, id -> new Known());
        if (known.columns == null || !known.columns.touches(asked)) {
            known.buckets.clear();
            known.columns = asked;
        } else {
            known.columns = new Columns(Math.min(known.columns.first(), asked.first()),
                    Math.max(known.columns.end(), asked.end()));
        }
        for (Bucket bucket : answer) {
            known.buckets.put(grid.columnOf(bucket.startTime()), bucket);
        }
        long keep = (long) KEEP_SCREENS * view.count();
        Columns kept = new Columns(Math.max(known.columns.first(), view.first() - keep),
                Math.min(known.columns.end(), view.end() + keep));
        if (kept.first() < kept.end()) {
            known.columns = kept;
            known.buckets.headMap(kept.first()).clear();
            known.buckets.tailMap(kept.end()).clear();
        }
    }

    /** @return the known buckets of the variable in {@code columns}, in time order */
    public synchronized List<Bucket> buckets(long categoryId, Columns columns) {
        Known known = variables.get(categoryId);
        if (known == null) {
            return List.of();
        }
        return List.copyOf(known.buckets.subMap(columns.first(), columns.end()).values());
    }
}
