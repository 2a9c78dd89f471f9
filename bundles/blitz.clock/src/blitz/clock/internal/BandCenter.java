// SPDX-License-Identifier: EPL-2.0
package blitz.clock.internal;

import java.util.List;

/**
 * The line through the middle of a band: under every "late" point (x, y), over every "early" point
 * (x, y), as far from the nearer side as it can be (a linear programme in intercept, slope and margin).
 * Its optimum touches the band at three points, two on one side (so the line is parallel to an edge of
 * that side's hull) and one on the other, so trying every hull edge against every vertex of the other
 * side finds it; only hull vertices matter. Where the sides cross (an early point above a late one,
 * as transfer times allow by a few ms) the margin is negative and the line is the least bad.
 */
public final class BandCenter {
    private BandCenter() {
    }

    /**
     * @param late  the lower hull's vertices of the points the line must stay under
     * @param early the upper hull's vertices of the points the line must stay over
     * @return {intercept, slope}, or null when neither side has an edge
     */
    public static double[] line(List<double[]> late, List<double[]> early) {
        double[] best = null;
        double bestMargin = Double.NEGATIVE_INFINITY;
        for (int side = 0; side < 2; side++) {
            List<double[]> edges = side == 0 ? late : early;
            List<double[]> opposite = side == 0 ? early : late;
            for (int i = 0; i + 1 < edges.size(); i++) {
                double[] a = edges.get(i);
                double[] b = edges.get(i + 1);
                double slope = (b[1] - a[1]) / (b[0] - a[0]);
                for (double[] vertex : opposite) {
                    double edgeAtVertex = a[1] + slope * (vertex[0] - a[0]);
                    double intercept = (edgeAtVertex + vertex[1]) / 2 - slope * vertex[0];
                    double margin = margin(intercept, slope, late, early);
                    if (margin > bestMargin) {
                        bestMargin = margin;
                        best = new double[] { intercept, slope };
                    }
                }
            }
        }
        return best;
    }

    private static double margin(double intercept, double slope, List<double[]> late, List<double[]> early) {
        double margin = Double.POSITIVE_INFINITY;
        for (double[] point : late) {
            margin = Math.min(margin, point[1] - (intercept + slope * point[0]));
        }
        for (double[] point : early) {
            margin = Math.min(margin, intercept + slope * point[0] - point[1]);
        }
        return margin;
    }
}
