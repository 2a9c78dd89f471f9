// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.util.List;
import java.util.OptionalDouble;

import blitz.model.client.Bucket;

/**
 * One variable as the chart draws it: its pixel buckets in time order (a live point is a bucket of
 * one reading).
 *
 * @param name    variable name
 * @param unit    unit of its values; variables of one unit share a y axis
 * @param rgb     its colour (0xRRGGBB)
 * @param buckets the data in view
 */
public record Series(String name, String unit, int rgb, List<Bucket> buckets) {
    /** How many bucket widths past its last bucket a time still reads that bucket's value. */
    private static final int NEAR = 2;

    public Series {
        buckets = List.copyOf(buckets);
    }

    /** @return the series of {@code variable} over {@code buckets} */
    public static Series of(Variable variable, List<Bucket> buckets) {
        return new Series(variable.name(), variable.unit(), variable.rgb(), buckets);
    }

    /**
     * @return live history ({@code t0, v0, t1, v1, ...}) as one bucket per point, each reaching to the
     *         next point, so the line through them never breaks
     */
    public static Series ofPoints(Variable variable, double[] history) {
        Bucket[] points = new Bucket[history.length / 2];
        for (int i = 0; i < points.length; i++) {
            long time = (long) history[2 * i];
            long next = i + 1 < points.length ? Math.max(time + 1, (long) history[2 * i + 2]) : time + 1;
            double value = history[2 * i + 1];
            points[i] = new Bucket(time, next, 1, value, value, value, value, time, time);
        }
        return of(variable, List.of(points));
    }

    /**
     * @return the value at {@code time} for the cursor readout: the last value of the bucket holding it,
     *         or of the bucket just before it; empty in a gap, before the first and after the last
     */
    public OptionalDouble valueAt(long time) {
        int low = 0;
        int high = buckets.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (buckets.get(middle).startTime() <= time) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0) {
            return OptionalDouble.empty();
        }
        Bucket bucket = buckets.get(found);
        long width = Math.max(1, bucket.endTime() - bucket.startTime());
        return time < bucket.endTime() + NEAR * width ? OptionalDouble.of(bucket.last()) : OptionalDouble.empty();
    }
}
