// SPDX-License-Identifier: EPL-2.0
package blitz.model;

import java.util.Objects;

/**
 * One key/value setting of the workbench's store.
 *
 * @param id    store-assigned id, {@code null} before the entry is stored
 * @param key   unique key
 * @param value the value as text
 */
public record ConfigEntry(Long id, String key, String value) {
    public ConfigEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
