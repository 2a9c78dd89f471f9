// SPDX-License-Identifier: EPL-2.0
package blitz.server.tests;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import blitz.model.server.ServerStore;
import blitz.testing.Osgi;

/**
 * Gets store instances the way the runtime does: DS components configured through ConfigAdmin,
 * looked up in the service registry. Each configuration carries a new {@code blitz.test.generation}
 * so a test waits for exactly the instance it configured (a configuration change makes DS
 * deactivate the old instance and activate a new one: a restart).
 */
final class Stores {
    static final String EMBEDDED_PID = "blitz.server.embedded";
    static final String REDIS_PID = "blitz.server.redis";
    private static final AtomicInteger GENERATION = new AtomicInteger();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Not an extension: the tests say themselves when a store's configuration goes ({@link #unconfigure}). */
    private static final Osgi OSGI = new Osgi();

    private Stores() {
    }

    /** Configures a store component and waits for the instance with that configuration. */
    static ServerStore configure(String pid, String kind, Map<String, Object> properties) {
        int generation = GENERATION.incrementAndGet();
        Map<String, Object> withGeneration = new HashMap<>(properties);
        withGeneration.put("blitz.test.generation", generation);
        OSGI.configure(pid, withGeneration);
        return Osgi.await(ServerStore.class, "(&(blitz.store.kind=" + kind + ")(blitz.test.generation=" + generation + "))", TIMEOUT);
    }

    /** Removes a store's configuration (the Redis store then goes away, the embedded one uses its defaults). */
    static void unconfigure(String pid) {
        OSGI.configure(pid, Map.of());
    }
}
