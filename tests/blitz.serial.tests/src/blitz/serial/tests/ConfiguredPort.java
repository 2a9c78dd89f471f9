// SPDX-License-Identifier: EPL-2.0
package blitz.serial.tests;

import java.util.HashMap;
import java.util.Map;

import blitz.model.source.MessageSource;
import blitz.testing.ConfiguredSource;

/**
 * A {@code blitz.serial.port} factory configuration for one port and the {@link MessageSource} that
 * Declarative Services creates for it. Closing deletes the configuration.
 */
final class ConfiguredPort implements AutoCloseable {
    private final ConfiguredSource configured;
    final MessageSource source;

    ConfiguredPort(String port, Map<String, Object> properties) {
        Map<String, Object> values = new HashMap<>(properties);
        values.put("port", port);
        configured = new ConfiguredSource("blitz.serial.port", values, "(port=" + port + ")");
        source = configured.source();
    }

    @Override
    public void close() {
        configured.close();
    }
}
