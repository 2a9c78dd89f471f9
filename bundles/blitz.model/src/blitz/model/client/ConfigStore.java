// SPDX-License-Identifier: EPL-2.0
package blitz.model.client;

import java.util.List;
import java.util.Optional;

import blitz.model.ConfigEntry;

/**
 * The workbench's key-value configuration (alarm rules, preferences kept with the data).
 *
 * <p>Guarantees: a key is stored at most once, also under concurrent writers; every call is one
 * transaction, committed when it returns; every method may be called from any thread.
 */
public interface ConfigStore {

    /** @return the entry for a key, empty when it is not set */
    Optional<ConfigEntry> getConfig(String key);

    /** @return every entry, in id order */
    List<ConfigEntry> configEntries();

    /**
     * Sets a key: inserts it, or updates it when it exists and {@code update} is true (with
     * {@code update} false an existing value is kept). Never creates a duplicate key.
     */
    void setConfig(String key, String value, boolean update);

    /** {@code setConfig(key, value, true)}. */
    default void setConfig(String key, String value) {
        setConfig(key, value, true);
    }

    /** Removes a key. @return whether it existed */
    boolean removeConfig(String key);
}
