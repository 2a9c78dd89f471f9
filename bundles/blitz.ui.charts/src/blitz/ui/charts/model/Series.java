// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.util.List;

import blitz.model.client.Bucket;

/**
 * One variable as the chart draws it: its pixel buckets in time order (a live point is a bucket of
 * one reading).
 *
 * @param name    variable name
 * @param unit    unit of its values; variables of one unit share a y axis
 * @param buckets the data in view
 */
public record Series(String name, String unit, List<Bucket> buckets) {
    public Series {
        buckets = List.copyOf(buckets);
    }

    /**
     * @return live history ({@code t0, v0, t1, v1, ...}) as one bucket per point, each reaching to the
     *         next point, so the line through them never breaks
     */
    public static Series ofPoints(String name, String unit, double[] history) {
        Bucket[] points = new Bucket[history.length / 2];
        for (int i = 0; i < points.length; i++) {
            long time = (long) history[2 * i];
            long next = i + 1 < points.length ? Math.max(time + 1, (long) history[2 * i + 2]) : time + 1;
            double value = history[2 * i + 1];
            points[i] = new Bucket(time, next, 1, value, value, value, value, time, time);
        }
        return new Series(name, unit, List.of(points));
    }
}
