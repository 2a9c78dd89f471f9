// SPDX-License-Identifier: EPL-2.0
package blitz.clock.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The lower convex hull of points (x, y) arriving in (nearly) increasing x, kept by Andrew's monotone
 * chain: amortised O(1) per point, memory only for the hull's vertices. A point that arrives left of
 * the last vertex (a jittered timestamp) is inserted by taking back the vertices right of it and
 * chaining them again; a point that was once above the hull stays above it, so nothing else is needed.
 * Coordinates are relative to the first point, so that epoch milliseconds keep their precision.
 */
public final class LowerHull {
    private final List<double[]> vertices = new ArrayList<>();
    private double sumX;
    private long count;

    /** Adds a point. */
    public void add(double x, double y) {
        sumX += x;
        count++;
        if (vertices.isEmpty() || last()[0] <= x) {
            chain(x, y);
            return;
        }
        List<double[]> rightOf = new ArrayList<>();
        while (!vertices.isEmpty() && last()[0] > x) {
            rightOf.add(0, vertices.remove(vertices.size() - 1));
        }
        chain(x, y);
        for (double[] vertex : rightOf) {
            chain(vertex[0], vertex[1]);
        }
    }

    private void chain(double x, double y) {
        if (!vertices.isEmpty() && last()[0] == x) {
            if (last()[1] <= y) {
                return;
            }
            vertices.remove(vertices.size() - 1);
        }
        while (vertices.size() >= 2 && cross(vertices.get(vertices.size() - 2), last(), x, y) <= 0) {
            vertices.remove(vertices.size() - 1);
        }
        vertices.add(new double[] { x, y });
    }

    private double[] last() {
        return vertices.get(vertices.size() - 1);
    }

    private static double cross(double[] o, double[] a, double x, double y) {
        return (a[0] - o[0]) * (y - o[1]) - (a[1] - o[1]) * (x - o[0]);
    }

    /** @return the hull's vertices {x, y}, by x (copies) */
    public List<double[]> vertices() {
        return vertices.stream().map(double[]::clone).toList();
    }

    /** @return points added */
    public long count() {
        return count;
    }

    /** @return vertices kept */
    public int size() {
        return vertices.size();
    }

    /**
     * The line under every point that is highest at the points' mean x: it minimises the summed
     * distance of the points above it, so it is the edge of the hull spanning the mean x.
     *
     * @return {intercept at x = 0, slope}; slope {@code fallbackSlope} while the hull has one vertex
     */
    public double[] supportAtMean(double fallbackSlope) {
        double meanX = sumX / count;
        if (vertices.size() == 1) {
            return new double[] { vertices.get(0)[1] - fallbackSlope * vertices.get(0)[0], fallbackSlope };
        }
        int low = 0;
        int high = vertices.size() - 1;
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (vertices.get(middle)[0] <= meanX) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double[] a = vertices.get(low);
        double[] b = vertices.get(high);
        double slope = (b[1] - a[1]) / (b[0] - a[0]);
        return new double[] { a[1] - slope * a[0], slope };
    }
}
