// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;

import blitz.model.client.Bucket;
import blitz.ui.charts.model.AxisSteps;
import blitz.ui.charts.model.Series;
import blitz.ui.charts.model.SessionMarkers;
import blitz.ui.charts.model.SessionMarkers.Kind;
import blitz.ui.charts.model.SessionMarkers.Marker;
import blitz.ui.charts.model.TimeAxis;
import blitz.ui.charts.model.TimeRange;
import blitz.ui.variables.VariableLook;

/**
 * Draws a time chart with a GC, on screen or into an image: per variable a light band from each
 * bucket's min to its max and a line through the buckets' first and last values that breaks at a gap
 * in the data (see {@link #gapThreshold}), one y axis per unit
 * (left of the plot, outermost first), the x axis in seconds from an origin or in clock time, a legend
 * in each variable's own colour, a cursor readout ({@link CursorReadout}), an exported image's title, and the
 * session's markers: spans shaded behind the data, start, end and gap lines over it, each with a
 * small flag at the top of the plot.
 */
final class ChartPainter {
    /** Width of one y axis column left of the plot. */
    static final int AXIS_WIDTH = 64;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;
    private static final int RIGHT = 16;
    private static final int BAND_ALPHA = 70;
    /**
     * Marker colours: muted (no channel more than 80 apart from another), while the series use saturated
     * colours, so a marker never reads as data.
     */
    static final RGB START_COLOUR = new RGB(60, 130, 90);
    static final RGB STOP_COLOUR = new RGB(150, 70, 70);
    static final RGB GAP_COLOUR = new RGB(190, 130, 110);
    static final RGB RECONNECT_COLOUR = new RGB(255, 190, 110);
    private static final int RECONNECT_ALPHA = 110;
    private static final int FLAG = 5;
    /** How near (px) the pointer must be to a marker line for its tooltip. */
    static final int MARKER_HIT = 3;
    /** Height of an exported image's title line above the chart. */
    private static final int TITLE = 22;

    private ChartPainter() {
    }

    /** @return the plot rectangle inside a chart of {@code area} with {@code axes} y axes */
    static Rectangle plotArea(Rectangle area, int axes) {
        int left = Math.max(1, axes) * AXIS_WIDTH;
        return new Rectangle(area.x + left, area.y + TOP, Math.max(0, area.width - left - RIGHT),
                Math.max(0, area.height - TOP - BOTTOM));
    }

    /** @return the distinct units of the series, in order of first appearance: one y axis each */
    static List<String> units(List<Series> series) {
        return series.stream().map(Series::unit).distinct().toList();
    }

    /** Draws {@code frame} over {@code area}. */
    static void paint(GC gc, Rectangle whole, PlotFrame frame) {
        gc.setBackground(system(gc, SWT.COLOR_WHITE));
        gc.fillRectangle(whole);
        Rectangle area = whole;
        if (frame.title() != null) {
            gc.setForeground(system(gc, SWT.COLOR_BLACK));
            gc.drawText(frame.title(), whole.x + 6, whole.y + 4, true);
            area = new Rectangle(whole.x, whole.y + TITLE, whole.width, Math.max(0, whole.height - TITLE));
        }
        TimeRange range = frame.range();
        List<Series> series = frame.series();
        String message = frame.message();
        List<String> units = units(series);
        Rectangle plot = plotArea(area, units.size());
        if (plot.width < 20 || plot.height < 20) {
            return;
        }
        gc.setForeground(system(gc, SWT.COLOR_DARK_GRAY));
        gc.drawRectangle(plot);
        drawTimeAxis(gc, plot, frame);
        List<Marker> visible = SessionMarkers.within(frame.markers(), range.from(), range.to());
        gc.setClipping(plot);
        drawSpans(gc, plot, range, visible);
        gc.setClipping((Rectangle) null);
        if (message != null || series.isEmpty()) {
            String text = message != null ? message : "Choose variables to plot";
            Point size = gc.textExtent(text);
            gc.drawText(text, plot.x + (plot.width - size.x) / 2, plot.y + (plot.height - size.y) / 2, true);
            drawLines(gc, plot, range, visible);
            return;
        }
        Map<String, double[]> limits = new LinkedHashMap<>();
        for (String unit : units) {
            limits.put(unit, limits(series.stream().filter(s -> s.unit().equals(unit)).toList()));
        }
        for (int axis = 0; axis < units.size(); axis++) {
            drawValueAxis(gc, plot, plot.x - axis * AXIS_WIDTH, units.get(axis), limits.get(units.get(axis)));
        }
        int legendX = plot.x;
        for (int index = 0; index < series.size(); index++) {
            Series one = series.get(index);
            Color colour = colour(one.rgb());
            gc.setClipping(plot);
            drawSeries(gc, plot, range, one, limits.get(one.unit()), colour);
            gc.setClipping((Rectangle) null);
            String label = VariableLook.label(one.name()) + (one.unit().isEmpty() ? "" : " [" + one.unit() + "]");
            gc.setForeground(colour);
            gc.drawText(label, legendX, area.y + 6, true);
            legendX += gc.textExtent(label).x + 16;
        }
        drawLines(gc, plot, range, visible);
        if (frame.cursor() != null) {
            CursorReadout.paint(gc, plot, frame);
        }
    }

    /** @return the colour 0xRRGGBB */
    static Color colour(int rgb) {
        return new Color(rgb >> 16, rgb >> 8 & 0xff, rgb & 0xff);
    }

    private static void drawSpans(GC gc, Rectangle plot, TimeRange range, List<Marker> markers) {
        Color shade = new Color(RECONNECT_COLOUR);
        gc.setBackground(shade);
        gc.setAlpha(RECONNECT_ALPHA);
        for (Marker marker : markers) {
            if (marker.span()) {
                int left = x(plot, range, marker.from());
                int right = Math.max(left + 1, x(plot, range, marker.to()));
                gc.fillRectangle(left, plot.y + 1, right - left, plot.height - 1);
            }
        }
        gc.setAlpha(255);
    }

    /**
     * Start, end and gap lines over the data, each with a flag above it inside the plot; the start and
     * end lines are two pixels wide and named beside their flags, so they are seen at a glance.
     */
    private static void drawLines(GC gc, Rectangle plot, TimeRange range, List<Marker> markers) {
        gc.setClipping(new Rectangle(plot.x, plot.y, plot.width + 1, plot.height + 1));
        for (Marker marker : markers) {
            if (!marker.span()) {
                Color colour = new Color(colour(marker.kind()));
                int x = x(plot, range, marker.from());
                gc.setForeground(colour);
                gc.setBackground(colour);
                boolean bound = marker.kind() == Kind.START || marker.kind() == Kind.STOP;
                gc.setLineWidth(bound ? 2 : 1);
                gc.drawLine(x, plot.y, x, plot.y + plot.height);
                gc.setLineWidth(1);
                int tip = marker.kind() == Kind.STOP ? -FLAG : FLAG; // the start's flag points into the session
                gc.fillPolygon(new int[] { x, plot.y, x + tip, plot.y + FLAG, x, plot.y + 2 * FLAG });
                if (bound) {
                    String name = marker.kind() == Kind.START ? "Start" : "End";
                    int width = gc.textExtent(name).x;
                    gc.drawText(name, tip > 0 ? x + FLAG + 2 : x - FLAG - 2 - width, plot.y + 1, true);
                }
            }
        }
        gc.setClipping((Rectangle) null);
    }

    static RGB colour(Kind kind) {
        return switch (kind) {
        case START -> START_COLOUR;
        case STOP -> STOP_COLOUR;
        case GAP -> GAP_COLOUR;
        case RECONNECT -> RECONNECT_COLOUR;
        };
    }

    /**
     * @return the marker under the pointer at {@code x}: the nearest line within {@link #MARKER_HIT}
     *         pixels, else a span holding {@code x}
     */
    static Optional<Marker> markerAt(Rectangle plot, TimeRange range, List<Marker> markers, int x) {
        Marker nearest = null;
        int best = MARKER_HIT + 1;
        Marker span = null;
        for (Marker marker : SessionMarkers.within(markers, range.from(), range.to())) {
            int left = x(plot, range, marker.from());
            if (!marker.span() && Math.abs(left - x) < best) {
                best = Math.abs(left - x);
                nearest = marker;
            } else if (marker.span() && span == null && x >= left && x <= x(plot, range, marker.to())) {
                span = marker;
            }
        }
        return Optional.ofNullable(nearest != null ? nearest : span);
    }

    private static void drawSeries(GC gc, Rectangle plot, TimeRange range, Series series, double[] limits,
            Color colour) {
        List<Bucket> buckets = series.buckets();
        gc.setBackground(colour);
        gc.setAlpha(BAND_ALPHA);
        drawBand(gc, plot, range, buckets, limits);
        gc.setAlpha(255);
        gc.setForeground(colour);
        // the line runs through each bucket's first and last value and breaks at gaps
        double gap = gapThreshold(buckets, plot, range);
        int[] line = new int[buckets.size() * 4];
        int length = 0;
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            if (i > 0 && bucket.firstTime() - buckets.get(i - 1).lastTime() > gap) {
                gc.drawPolyline(Arrays.copyOf(line, length));
                length = 0;
            }
            line[length++] = x(plot, range, bucket.firstTime());
            line[length++] = y(plot, limits, bucket.first());
            line[length++] = x(plot, range, bucket.lastTime());
            line[length++] = y(plot, limits, bucket.last());
        }
        gc.drawPolyline(Arrays.copyOf(line, length));
    }

    /**
     * The band from each bucket's min to its max, as one polygon per run of adjacent buckets that are not
     * flat: one translucent fill per run instead of one per pixel column (the fills are what a frame
     * costs). Covers the same pixels as a rectangle per bucket.
     */
    private static void drawBand(GC gc, Rectangle plot, TimeRange range, List<Bucket> buckets, double[] limits) {
        int[] top = new int[buckets.size() * 4];
        int[] bottom = new int[buckets.size() * 4];
        int points = 0;
        Bucket previous = null;
        gc.setFillRule(SWT.FILL_WINDING); // rounding may overlap neighbouring columns by a pixel: no holes
        for (Bucket bucket : buckets) {
            boolean flat = !(bucket.max() > bucket.min());
            if (points > 0 && (flat || previous.endTime() != bucket.startTime())) {
                fillBand(gc, top, bottom, points);
                points = 0;
            }
            if (!flat) {
                int left = x(plot, range, bucket.startTime());
                int right = Math.max(left + 1, x(plot, range, bucket.endTime()));
                int high = y(plot, limits, bucket.max());
                int low = y(plot, limits, bucket.min()) + 1;
                int at = 2 * points;
                top[at] = left;
                top[at + 1] = high;
                top[at + 2] = right;
                top[at + 3] = high;
                bottom[at] = left;
                bottom[at + 1] = low;
                bottom[at + 2] = right;
                bottom[at + 3] = low;
                points += 2;
            }
            previous = bucket;
        }
        if (points > 0) {
            fillBand(gc, top, bottom, points);
        }
    }

    /** Fills the polygon along the top edge left to right and back along the bottom edge. */
    private static void fillBand(GC gc, int[] top, int[] bottom, int points) {
        int[] polygon = Arrays.copyOf(top, 4 * points);
        for (int i = 0; i < points; i++) {
            int from = 2 * (points - 1 - i);
            polygon[2 * points + 2 * i] = bottom[from];
            polygon[2 * points + 2 * i + 1] = bottom[from + 1];
        }
        gc.fillPolygon(polygon);
    }

    /**
     * A gap is a pause between readings wider than three pixels and five times the series' median pause:
     * a sparse series (fewer readings than pixel columns, so most columns are empty) still draws as a
     * line, while a dense one breaks where the data really stops.
     */
    static double gapThreshold(List<Bucket> buckets, Rectangle plot, TimeRange range) {
        if (buckets.size() < 2) {
            return Double.POSITIVE_INFINITY;
        }
        long[] pauses = new long[buckets.size() - 1];
        for (int i = 1; i < buckets.size(); i++) {
            pauses[i - 1] = buckets.get(i).firstTime() - buckets.get(i - 1).lastTime();
        }
        Arrays.sort(pauses);
        double threePixels = 3.0 * (range.to() - range.from()) / Math.max(1, plot.width);
        return Math.max(threePixels, 5.0 * pauses[pauses.length / 2]);
    }

    /** @return {min, max} over every bucket of the series, padded so a flat line sits mid-height */
    static double[] limits(List<Series> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series one : series) {
            for (Bucket bucket : one.buckets()) {
                min = Math.min(min, bucket.min());
                max = Math.max(max, bucket.max());
            }
        }
        if (min > max) {
            return new double[] { 0, 1 };
        }
        double pad = max > min ? (max - min) * 0.05 : Math.max(1e-9, Math.abs(min) * 0.05 + 0.5);
        return new double[] { min - pad, max + pad };
    }

    private static void drawTimeAxis(GC gc, Rectangle plot, PlotFrame frame) {
        TimeRange range = frame.range();
        for (TimeAxis.Tick tick : frame.axis().ticks(range, frame.origin(), Math.max(2, plot.width / 90))) {
            int x = x(plot, range, tick.time());
            gc.drawLine(x, plot.y + plot.height, x, plot.y + plot.height + 4);
            gc.drawText(tick.label(), x - gc.textExtent(tick.label()).x / 2, plot.y + plot.height + 5, true);
        }
        String title = frame.axis().title(range, frame.origin(), frame.live());
        Point size = gc.textExtent(title);
        gc.drawText(title, plot.x + (plot.width - size.x) / 2, plot.y + plot.height + 21, true);
    }

    private static void drawValueAxis(GC gc, Rectangle plot, int axisX, String unit, double[] limits) {
        gc.setForeground(system(gc, SWT.COLOR_DARK_GRAY));
        gc.drawLine(axisX, plot.y, axisX, plot.y + plot.height);
        double step = AxisSteps.niceStep(limits[1] - limits[0], Math.max(2, plot.height / 50));
        for (double tick = Math.ceil(limits[0] / step) * step; tick <= limits[1]; tick += step) {
            int y = y(plot, limits, tick);
            gc.drawLine(axisX - 4, y, axisX, y);
            String label = AxisSteps.format(tick, step);
            Point size = gc.textExtent(label);
            gc.drawText(label, axisX - 6 - size.x, y - size.y / 2, true);
        }
        String title = unit.isEmpty() ? "Value" : unit;
        gc.drawText(title, axisX - AXIS_WIDTH + 4, plot.y - 16, true);
    }

    static int x(Rectangle plot, TimeRange range, long time) {
        return plot.x + (int) Math.round((time - range.from()) * (double) plot.width / range.span());
    }

    static int y(Rectangle plot, double[] limits, double value) {
        double share = (value - limits[0]) / (limits[1] - limits[0]);
        return plot.y + plot.height - (int) Math.round(share * plot.height);
    }

    private static Color system(GC gc, int colour) {
        return gc.getDevice().getSystemColor(colour);
    }
}
