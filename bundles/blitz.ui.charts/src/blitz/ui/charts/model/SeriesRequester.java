// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.client.Bucket;
import blitz.ui.charts.model.BucketCache.Columns;
import blitz.ui.charts.model.BucketCache.Grid;

/**
 * Asks the store for the buckets of the visible range, one per pixel column, and only for the columns
 * the {@link BucketCache} lacks: a pan asks for the columns that came into view, a zoom, a resize or
 * another session for the whole view. Every request is a new generation (its ticket); an answer is
 * drawn only while its ticket is the newest, so an answer for a range no longer wanted is dropped. A
 * burst of zoom steps costs one query (it waits {@link #QUERY_DELAY_MS} for the next step); queries
 * run one at a time, so each sees what the one before it cached. Called on the UI thread.
 */
public final class SeriesRequester {
    /** Bursts of wheel events cost one query: it waits this long for the next step. */
    static final int QUERY_DELAY_MS = 15;
    /** A pan draws from the cache when the new columns take longer than this. */
    static final int PAN_FRAME_MS = 20;

    /** The store's bucket query ({@code ClientStore.buckets}). */
    @FunctionalInterface
    public interface Buckets {
        List<Bucket> of(long session, long categoryId, long from, long to, int count);
    }

    /** What the requester asks of the chart, on the UI thread. */
    public interface Chart {
        /** Draws {@code series} for the visible {@code range}. */
        void draw(TimeRange range, List<Series> series);

        /** Draws what it has again (at the new scale, until the answer arrives). */
        void redraw();

        /** Says that a query failed. */
        void failed(String text);
    }

    /** The range on display, asked for as generation {@code ticket}: these columns of these variables. */
    private record Wanted(long ticket, TimeRange range, List<Variable> chosen, Grid grid, Columns view) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SeriesRequester.class);

    private final PlotScheduler scheduler;
    private final Chart chart;
    private final BucketCache cache = new BucketCache();
    private final AtomicLong generation = new AtomicLong();
    /** The generation whose answer is drawn: equal to {@link #generation} when the chart is up to date. */
    private long drawnGeneration;
    /** The grid of the series drawn now. */
    private Grid shownGrid;
    private Wanted wanted;
    private boolean framePending;

    public SeriesRequester(PlotScheduler scheduler, Chart chart) {
        this.scheduler = scheduler;
        this.chart = chart;
    }

    /**
     * Shows {@code range} of the chosen variables on a plot {@code width} pixels wide: at once when the
     * cache holds every column; otherwise the columns it lacks are asked from the store, and meanwhile
     * a pan draws the cached columns if the answer takes longer than a frame while a zoom keeps the
     * previous answer at the new scale.
     */
    public void request(Buckets store, long session, TimeRange bounds, TimeRange range, List<Variable> chosen,
            int width) {
        long ticket = generation.incrementAndGet();
        Grid grid = Grid.of(session, bounds, range, width);
        cache.use(grid); // a zoom, a resize or another session starts a new grid
        Columns view = grid.cover(range);
        Wanted now = new Wanted(ticket, range, List.copyOf(chosen), grid, view);
        wanted = now;
        boolean complete = chosen.stream().allMatch(v -> cache.missing(v.categoryId(), view).isEmpty());
        boolean pan = grid.equals(shownGrid);
        scheduler.cancelQuery();
        if (complete) {
            draw(now, true);
            return;
        }
        if (pan) {
            drawSoon();
        } else {
            chart.redraw(); // the previous answer at the new scale until this one arrives
        }
        // only a zoom waits for the next wheel step; a pan's strip is small, and a new session shows at once
        scheduler.query("Querying the plot of session " + session, pan || shownGrid == null ? 0 : QUERY_DELAY_MS,
                cancelled -> query(store, session, now, cancelled));
    }

    private void query(Buckets store, long session, Wanted what, BooleanSupplier cancelled) {
        for (Variable variable : what.chosen()) {
            for (Columns missing : cache.missing(variable.categoryId(), what.view())) {
                if (cancelled.getAsBoolean() || generation.get() != what.ticket()) {
                    return;
                }
                try {
                    List<Bucket> buckets = store.of(session, variable.categoryId(), what.grid().time(missing.first()),
                            what.grid().time(missing.end()), missing.count());
                    cache.put(what.grid(), variable.categoryId(), missing, buckets, what.view());
                } catch (RuntimeException e) {
                    LOG.warn("Querying session {} failed", session, e);
                    scheduler.onUi(0, () -> chart.failed("Querying session " + session + " failed: " + e.getMessage()));
                    return;
                }
            }
        }
        scheduler.onUi(0, () -> draw(what, true));
    }

    /**
     * During a pan the answer for the new strip usually comes within a frame, so the chart is drawn once
     * with it; if it does not, the cached columns are drawn after {@link #PAN_FRAME_MS} (one pending
     * frame at a time, so a fast drag still shows frames).
     */
    private void drawSoon() {
        if (!framePending) {
            framePending = true;
            scheduler.onUi(PAN_FRAME_MS, () -> {
                framePending = false;
                if (wanted != null) {
                    draw(wanted, false);
                }
            });
        }
    }

    /** Draws what the cache holds for a range, unless a newer range was asked for or this one is drawn whole. */
    private void draw(Wanted what, boolean complete) {
        if (generation.get() != what.ticket() || drawnGeneration == what.ticket()) {
            return;
        }
        shownGrid = what.grid();
        if (complete) {
            drawnGeneration = what.ticket();
        }
        chart.draw(what.range(), what.chosen().stream()
                .map(v -> Series.of(v, cache.buckets(v.categoryId(), what.view()))).toList());
    }

    /** Drops every answer under way: the chart shows something else now (live values, nothing). */
    public void cancel() {
        generation.incrementAndGet();
        scheduler.cancelQuery();
    }

    /** Drops every answer under way and all that is cached: another session, or another store. */
    public void forget() {
        cancel();
        cache.clear();
        shownGrid = null;
    }

    /** @return whether the chart draws the answer for the range last asked for (no query under way) */
    public boolean upToDate() {
        return drawnGeneration == generation.get();
    }
}
