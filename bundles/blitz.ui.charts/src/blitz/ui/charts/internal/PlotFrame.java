// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import java.util.List;

import blitz.ui.charts.model.Series;
import blitz.ui.charts.model.SessionMarkers.Marker;
import blitz.ui.charts.model.TimeAxis;
import blitz.ui.charts.model.TimeRange;

/**
 * Everything one drawing of the chart shows.
 *
 * @param origin  the time shown as 0 s (seconds axis)
 * @param live    whether the origin is the latest live value (else the session's start)
 * @param message shown in the middle instead of data when not null
 * @param title   drawn above the chart when not null (an exported image's)
 * @param cursor  the time under the pointer, read out over the chart; null for none
 */
record PlotFrame(TimeRange range, long origin, TimeAxis axis, boolean live, List<Series> series,
        List<Marker> markers, String message, String title, Long cursor) {

    /** @return this frame with a title above it */
    PlotFrame titled(String newTitle) {
        return new PlotFrame(range, origin, axis, live, series, markers, message, newTitle, cursor);
    }
}
