// SPDX-License-Identifier: EPL-2.0
package blitz.model.decoder;

import java.util.Objects;

/**
 * A variable a decoder produces, with its default unit.
 *
 * @param name unique variable name, such as {@code adc_channel_one}
 * @param unit default unit ({@code ""} when the value is a raw count)
 */
public record VariableSpec(String name, String unit) {
    public VariableSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }
}
