// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import blitz.model.client.ClientStore;

/**
 * The real client store for tests, reached the way the workbench reaches it: as the service the store
 * bundle registers, configured through ConfigAdmin (PID {@value #PID}). Every configuration carries a
 * fresh marker, so the caller gets the instance activated with it, not an older one. Needs the store
 * bundle, Declarative Services and ConfigAdmin in the test runtime.
 */
public final class ClientStores {
    /** The store's configuration PID. */
    public static final String PID = "blitz.client.store";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Not an extension: the store keeps its configuration for the whole run. */
    private static final Osgi SETUP = new Osgi();

    private ClientStores() {
    }

    /** @return the store on a fresh in-memory database */
    public static ClientStore inMemory() {
        return configure("memory", Map.of());
    }

    /**
     * Points the store at {@code database} ("memory" or a folder) with further configuration
     * properties (e.g. {@code readingsPerTile}).
     *
     * @return the instance that came up with this configuration
     * @throws AssertionError when it does not come up within 30 s
     */
    public static ClientStore configure(String database, Map<String, ?> properties) {
        String marker = UUID.randomUUID().toString();
        Map<String, Object> configuration = new HashMap<>(properties);
        configuration.put("database", database);
        configuration.put("test.marker", marker);
        SETUP.configure(PID, configuration);
        // the store's component is immediate: the instance stays registered after the look-up
        return Osgi.await(ClientStore.class, "(test.marker=" + marker + ")", TIMEOUT);
    }
}
