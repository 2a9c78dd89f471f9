// SPDX-License-Identifier: EPL-2.0
package blitz.serial.tests;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import blitz.model.source.MessageSource;
import blitz.testing.Osgi;

/**
 * A {@code blitz.serial.port} factory configuration made through ConfigAdmin and the
 * {@link MessageSource} that Declarative Services creates for it. Closing deletes the configuration.
 */
final class ConfiguredPort implements AutoCloseable {
    /** Not an extension: the configuration lives as long as this object. */
    private final Osgi osgi = new Osgi();
    final MessageSource source;

    ConfiguredPort(String port, Map<String, Object> properties) {
        Map<String, Object> values = new HashMap<>(properties);
        values.put("port", port);
        osgi.configureFactory("blitz.serial.port", values);
        try {
            source = Osgi.await(MessageSource.class, "(port=" + port + ")", Duration.ofSeconds(10));
        } catch (AssertionError noSource) {
            osgi.undoAll();
            throw noSource;
        }
    }

    @Override
    public void close() {
        osgi.undoAll();
    }
}
