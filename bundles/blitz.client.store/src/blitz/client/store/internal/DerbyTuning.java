// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.util.Map;

/**
 * Derby's log settings for the store's bulk writes, set as system properties before Derby boots a
 * database, each only when the user has not set it. A download commits tens of thousands of rows at
 * a time, which Derby's default 32 KB log buffer cuts into many small writes. Measured on the raw
 * insert of readings into the store's schema with the disk shared by other builds: 4 900-5 500 rows/s
 * with the default, 8 400-9 500 rows/s with 1 MB (docs/performance.md, "Client store"). Durability
 * and recovery are unchanged: every commit still forces the log. Larger log files and checkpoint
 * intervals (128 MB) gained another ~10 % but made the recovery after a kill replay far more log.
 */
final class DerbyTuning {
    private static final Map<String, String> SETTINGS = Map.of("derby.storage.logBufferSize", Integer.toString(1 << 20));

    private DerbyTuning() {
    }

    static void apply() {
        SETTINGS.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }
}
