// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.time.Duration;
import java.util.Map;

import blitz.model.source.MessageSource;

/**
 * A source bundle's factory configuration made through ConfigAdmin, and the {@link MessageSource}
 * Declarative Services creates for it. Closing deletes the configuration.
 */
public final class ConfiguredSource implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Not an extension: the configuration lives as long as this object. */
    private final Osgi osgi = new Osgi();
    private final MessageSource source;

    /**
     * @param factoryPid the source's factory PID, e.g. {@code blitz.serial.port}
     * @param filter an LDAP filter on the source's service properties that only this configuration's source matches
     * @throws AssertionError when no such source comes within 10 s (the configuration is deleted again)
     */
    public ConfiguredSource(String factoryPid, Map<String, ?> properties, String filter) {
        osgi.configureFactory(factoryPid, properties);
        try {
            source = Osgi.await(MessageSource.class, filter, TIMEOUT);
        } catch (AssertionError noSource) {
            osgi.undoAll();
            throw noSource;
        }
    }

    public MessageSource source() {
        return source;
    }

    @Override
    public void close() {
        osgi.undoAll();
    }
}
