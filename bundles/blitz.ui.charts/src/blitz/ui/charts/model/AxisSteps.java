// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.util.Locale;

/** Round steps between an axis's ticks, and tick labels with just the decimals the step needs. */
public final class AxisSteps {
    private AxisSteps() {
    }

    /** @return a 1, 2 or 5 times a power of ten step giving about {@code ticks} ticks over {@code span} */
    public static double niceStep(double span, int ticks) {
        double raw = span / ticks;
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / magnitude;
        return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
    }

    /** @return {@code value} with as many decimals as {@code step} needs (0 is never "-0.0") */
    public static String format(double value, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(value) < step / 2 ? 0.0 : value);
    }
}
