// SPDX-License-Identifier: EPL-2.0
package blitz.model.decoder;

import java.util.Objects;

/**
 * Linear calibration of one variable: {@code calibrated = raw * scale + offset}, in {@code unit}.
 *
 * @param unit   unit of the calibrated value
 * @param scale  multiplier applied to the decoder's value
 * @param offset added after scaling
 */
public record Calibration(String unit, double scale, double offset) {
    public Calibration {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("scale and offset must be finite");
        }
    }

    /** @return the identity calibration in the given unit */
    public static Calibration identity(String unit) {
        return new Calibration(unit, 1.0, 0.0);
    }

    public double apply(double raw) {
        return raw * scale + offset;
    }
}
