// SPDX-License-Identifier: EPL-2.0
package blitz.model;

import java.util.Objects;

/**
 * A named variable ("category" in the original's tables), such as {@code adc_channel_one}.
 *
 * @param id           store-assigned id, {@code null} before the category is stored
 * @param variableName unique variable name as produced by a board decoder
 */
public record Category(Long id, String variableName) {
    public Category {
        Objects.requireNonNull(variableName, "variableName");
    }

    public static Category named(String variableName) {
        return new Category(null, variableName);
    }
}
