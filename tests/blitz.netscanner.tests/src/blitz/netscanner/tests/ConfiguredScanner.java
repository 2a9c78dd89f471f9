// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import blitz.model.source.MessageSource;
import blitz.testing.Osgi;

/**
 * A {@code blitz.netscanner} factory configuration made through ConfigAdmin, and the
 * {@link MessageSource} Declarative Services creates for it. Closing deletes the configuration.
 */
final class ConfiguredScanner implements AutoCloseable {
    /** Not an extension: the configuration lives as long as this object. */
    private final Osgi osgi = new Osgi();
    final MessageSource source;

    /** @param id the source id, unique per test; {@code properties} adds to or overrides host and id */
    ConfiguredScanner(String id, int port, Map<String, Object> properties) {
        Map<String, Object> values = new HashMap<>();
        values.put("host", "127.0.0.1");
        values.put("port", port);
        values.put("id", id);
        values.putAll(properties);
        osgi.configureFactory("blitz.netscanner", values);
        try {
            source = Osgi.await(MessageSource.class, "(id=" + id + ")", Duration.ofSeconds(10));
        } catch (AssertionError noSource) {
            osgi.undoAll();
            throw noSource;
        }
    }

    @Override
    public void close() {
        source.stop();
        osgi.undoAll();
    }
}
