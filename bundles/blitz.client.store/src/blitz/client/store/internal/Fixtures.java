// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.util.List;
import java.util.Map;

import blitz.model.CacheEntry;
import blitz.model.Category;
import blitz.model.Reading;
import blitz.model.Session;
import blitz.model.client.ClientStore;

/**
 * The original's fixtures ({@code blitz/data/fixtures.py}) and the workbench's default configuration.
 * The keys are documented in docs/configuration.md, "Workbench store keys".
 */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * Default configuration, in the order it is written; existing values are never overwritten. Only the
     * original's six: the workbench's own settings are OSGi configurations and preferences, and alarm
     * thresholds ({@code alarm.<variable>}) exist only once a user sets them.
     */
    static final List<Map.Entry<String, String>> DEFAULT_CONFIG = List.of(
            Map.entry("loggerPort", "8989"),
            Map.entry("loggerIp", "192.168.1.79"),
            Map.entry("clientPort", "8988"),
            Map.entry("clientIp", "192.168.1.79"),
            Map.entry("sampleRate", "50"),
            Map.entry("clientRefreshRate", "2"));

    /** The original's {@code load_fixtures}: default configuration, with {@code testing} also the test records. */
    static void load(ClientStore store, boolean testing) {
        for (Map.Entry<String, String> entry : DEFAULT_CONFIG) {
            store.setConfig(entry.getKey(), entry.getValue(), false);
        }
        if (testing) {
            long time0 = System.currentTimeMillis();
            store.addMany(categories());
            store.addMany(readings(time0));
            store.addMany(cache(time0));
            store.addMany(sessions(time0));
        }
    }

    static List<Category> categories() {
        return List.of(Category.named("adc_channel_one"), Category.named("adc_channel_two"),
                Category.named("adc_channel_three"));
    }

    /** The six readings of session 1, times relative to {@code time0} as the original (timeK = time0 - K). */
    static List<Reading> readings(long time0) {
        return List.of(Reading.of(1, time0 - 3, 1, 3.75), Reading.of(1, time0 - 2, 1, 9.12),
                Reading.of(1, time0 - 4, 1, 7.56), Reading.of(1, time0 - 1, 2, 5.2), Reading.of(1, time0, 2, 4.3),
                Reading.of(1, time0 - 5, 2, 1.23));
    }

    static List<CacheEntry> cache(long time0) {
        return readings(time0).stream().map(r -> CacheEntry.of(r.timeLogged(), r.categoryId(), r.value())).toList();
    }

    static List<Session> sessions(long time0) {
        return List.of(new Session(null, 1, true, time0 - 4, time0 - 2, 2),
                new Session(null, 2, false, time0 - 2, time0, 2));
    }
}
