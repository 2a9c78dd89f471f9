package blitz.ui.charts.internal;

/**
 * The visible time span of a plot, {@code [from, to)} in milliseconds, and the zoom and pan steps that
 * move it. Steps keep at least {@link #MIN_SPAN} ms in view and, given bounds, stay inside them.
 */
record TimeRange(long from, long to) {
    /** The narrowest span a zoom reaches, in ms. */
    static final long MIN_SPAN = 10;

    TimeRange {
        if (to <= from) {
            throw new IllegalArgumentException("empty time range [" + from + ", " + to + ")");
        }
    }

    long span() {
        return to - from;
    }

    /**
     * @param anchor time that stays under the mouse
     * @param factor new span / old span (below 1 zooms in)
     */
    TimeRange zoom(long anchor, double factor, TimeRange bounds) {
        long newSpan = Math.max(MIN_SPAN, Math.round(span() * factor));
        double share = (anchor - from) / (double) span();
        long newFrom = anchor - Math.round(newSpan * share);
        return new TimeRange(newFrom, newFrom + newSpan).within(bounds);
    }

    /** @return the range moved by {@code delta} ms (positive: later) */
    TimeRange pan(long delta, TimeRange bounds) {
        return new TimeRange(from + delta, to + delta).within(bounds);
    }

    /** @return this range shifted (and if need be shrunk) to lie inside {@code bounds} */
    TimeRange within(TimeRange bounds) {
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
