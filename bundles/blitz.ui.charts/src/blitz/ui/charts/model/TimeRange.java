// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

/**
 * The visible time span of a plot, {@code [from, to)} in milliseconds, and the zoom and pan steps that
 * move it. Steps keep at least {@link #MIN_SPAN} ms in view and, given bounds, stay inside them.
 */
public record TimeRange(long from, long to) {
    /** The narrowest span a zoom reaches, in ms. */
    public static final long MIN_SPAN = 10;

    public TimeRange {
        if (to <= from) {
            throw new IllegalArgumentException("empty time range [" + from + ", " + to + ")");
        }
    }

    public long span() {
        return to - from;
    }

    /**
     * @param anchor time that stays under the mouse
     * @param factor new span / old span (below 1 zooms in)
     */
    public TimeRange zoom(long anchor, double factor, TimeRange bounds) {
        long newSpan = Math.max(MIN_SPAN, Math.round(span() * factor));
        double share = (anchor - from) / (double) span();
        long newFrom = anchor - Math.round(newSpan * share);
        return new TimeRange(newFrom, newFrom + newSpan).within(bounds);
    }

    /** @return the range moved by {@code delta} ms (positive: later) */
    public TimeRange pan(long delta, TimeRange bounds) {
        return new TimeRange(from + delta, to + delta).within(bounds);
    }

    /** @return the range between two times (either order), at least {@link #MIN_SPAN} wide */
    public static TimeRange between(long a, long b) {
        long from = Math.min(a, b);
        return new TimeRange(from, Math.max(Math.max(a, b), from + MIN_SPAN));
    }

    /** @return the time {@code share} of the way through (clamped to 0..1): where a pixel column lies */
    public long at(double share) {
        return from + Math.round(Math.max(0, Math.min(1, share)) * span());
    }

    /** @return how far a drag of {@code pixels} over a plot {@code width} pixels wide moves this range, in ms */
    public long across(int pixels, int width) {
        return Math.round(pixels * (double) span() / Math.max(1, width));
    }

    /** @return this range shifted (and if need be shrunk) to lie inside {@code bounds} */
    public TimeRange within(TimeRange bounds) {
        if (span() >= bounds.span()) {
            return bounds;
        }
        if (from < bounds.from) {
            return new TimeRange(bounds.from, bounds.from + span());
        }
        if (to > bounds.to) {
            return new TimeRange(bounds.to - span(), bounds.to);
        }
        return this;
    }
}
