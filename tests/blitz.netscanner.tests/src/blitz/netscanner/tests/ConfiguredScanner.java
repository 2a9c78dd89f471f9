// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests;

import java.util.HashMap;
import java.util.Map;

import blitz.model.source.MessageSource;
import blitz.testing.ConfiguredSource;

/**
 * A {@code blitz.netscanner} factory configuration on a loopback port, and the {@link MessageSource}
 * Declarative Services creates for it. Closing stops the source and deletes the configuration.
 */
final class ConfiguredScanner implements AutoCloseable {
    private final ConfiguredSource configured;
    final MessageSource source;

    /** @param id the source id, unique per test; {@code properties} adds to or overrides host and id */
    ConfiguredScanner(String id, int port, Map<String, Object> properties) {
        Map<String, Object> values = new HashMap<>();
        values.put("host", "127.0.0.1");
        values.put("port", port);
        values.put("id", id);
        values.putAll(properties);
        configured = new ConfiguredSource("blitz.netscanner", values, "(id=" + id + ")");
        source = configured.source();
    }

    @Override
    public void close() {
        source.stop();
        configured.close();
    }
}
