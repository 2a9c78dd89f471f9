// SPDX-License-Identifier: EPL-2.0
package blitz.model.sync;

import java.util.Objects;

/**
 * The latest live value of one variable.
 *
 * @param name       variable name
 * @param unit       unit after calibration
 * @param value      latest value after calibration and the variable's transforms
 * @param timeMillis epoch milliseconds when the workbench received it
 * @param boardId    the board that sent it
 */
public record LiveVariable(String name, String unit, double value, long timeMillis, int boardId) {
    public LiveVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }
}
