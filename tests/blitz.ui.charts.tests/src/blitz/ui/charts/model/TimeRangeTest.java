// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import blitz.ui.charts.model.BucketCache.Columns;
import blitz.ui.charts.model.BucketCache.Grid;
import blitz.ui.charts.model.SessionMarkers.Kind;
import blitz.ui.charts.model.SessionMarkers.Marker;

/** Zoom and pan arithmetic, the pixel grid and a session's bounds, without a display. */
class TimeRangeTest {
    private static final TimeRange BOUNDS = new TimeRange(0, 1_000);

    @Test
    void zoomKeepsTheAnchorWhereItWasAndStaysInside() {
        assertEquals(new TimeRange(240, 640), new TimeRange(0, 1_000).zoom(400, 0.4, BOUNDS));
        assertEquals(BOUNDS, new TimeRange(200, 600).zoom(400, 10, BOUNDS), "never wider than the bounds");
        assertEquals(TimeRange.MIN_SPAN, new TimeRange(0, 20).zoom(10, 0.01, BOUNDS).span(), "never narrower than the minimum");
        assertEquals(new TimeRange(0, 400), new TimeRange(100, 500).zoom(0, 1, BOUNDS).pan(-300, BOUNDS),
                "a pan stops at the start");
        assertEquals(new TimeRange(600, 1_000), new TimeRange(100, 500).pan(900, BOUNDS), "and at the end");
    }

    @Test
    void pixelsBecomeTimes() {
        TimeRange range = new TimeRange(1_000, 2_000);
        assertEquals(1_250, range.at(0.25));
        assertEquals(1_000, range.at(-3), "left of the plot is its start");
        assertEquals(2_000, range.at(7), "right of it its end");
        assertEquals(100, range.across(10, 100));
        assertEquals(1_000, range.across(1, 0), "a plot with no width moves by whole spans, never divides by zero");
        assertEquals(new TimeRange(300, 700), TimeRange.between(700, 300));
        assertEquals(new TimeRange(300, 300 + TimeRange.MIN_SPAN), TimeRange.between(300, 302));
        assertThrows(IllegalArgumentException.class, () -> new TimeRange(5, 5));
    }

    @Test
    void columnsLieOnAFixedGridPerZoomLevel() {
        Grid grid = Grid.of(1, BOUNDS, new TimeRange(100, 400), 100);
        assertEquals(3, grid.columnWidth());
        assertEquals(new Columns(33, 134), grid.cover(new TimeRange(100, 400)));
        assertEquals(grid, Grid.of(1, BOUNDS, new TimeRange(200, 500), 100), "a pan keeps the grid");

        BucketCache cache = new BucketCache();
        cache.use(grid);
        Columns view = new Columns(0, 10);
        cache.put(grid, 9, view, List.of(), view);
        assertEquals(List.of(new Columns(10, 12)), cache.missing(9, new Columns(2, 12)));
        cache.put(new Grid(1, 0, 4), 9, new Columns(10, 12), List.of(), view);
        assertEquals(List.of(new Columns(10, 12)), cache.missing(9, new Columns(2, 12)), "an old grid's answer is dropped");
    }

    @Test
    void aSessionIsShownFromItsStartToItsEndUnlessTheClocksDisagree() {
        List<Marker> markers = List.of(new Marker(Kind.START, -50, -50, "started"), new Marker(Kind.STOP, 1_049, 1_049, "stopped"));
        assertEquals(new TimeRange(-50, 1_050), OpenedSession.withStartAndEnd(BOUNDS, markers));
        List<Marker> far = List.of(new Marker(Kind.STOP, 5_000, 5_000, "stopped"));
        assertEquals(BOUNDS, OpenedSession.withStartAndEnd(BOUNDS, far));
    }
}
