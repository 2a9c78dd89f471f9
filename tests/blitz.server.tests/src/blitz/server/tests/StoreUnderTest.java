// SPDX-License-Identifier: EPL-2.0
package blitz.server.tests;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import blitz.model.server.ServerStore;
import blitz.testing.RedisServerFixture;
import blitz.testing.TestFolders;

/** One implementation of {@link ServerStore} as the conformance suite sees it. */
abstract class StoreUnderTest {

    /** @return a new, empty store instance */
    final ServerStore open() {
        return open(Map.of());
    }

    /** @return a new, empty store instance with extra configuration properties */
    abstract ServerStore open(Map<String, Object> extra);

    /** @return a new instance on the same data (the old one is closed: a restart of the component) */
    abstract ServerStore restart();

    /** Removes the configuration. */
    abstract void close();

    static final Embedded EMBEDDED = new Embedded("embedded", Map.of());
    static final Embedded EMBEDDED_INTERVAL_FSYNC = new Embedded("embedded-interval-fsync",
            Map.of("fsync", "interval", "fsyncIntervalMs", 50));

    static final class Embedded extends StoreUnderTest {
        private final String name;
        private final Map<String, Object> defaults;
        private Path folder;
        private Map<String, Object> properties;

        Embedded(String name, Map<String, Object> defaults) {
            this.name = name;
            this.defaults = defaults;
        }

        Path folder() {
            return folder;
        }

        @Override
        ServerStore open(Map<String, Object> extra) {
            folder = TestFolders.newFolder("embedded");
            properties = new HashMap<>(defaults);
            properties.putAll(extra);
            properties.put("dataFolder", folder.toString());
            return restart();
        }

        @Override
        ServerStore restart() {
            return Stores.configure(Stores.EMBEDDED_PID, "embedded", properties);
        }

        @Override
        void close() {
            Stores.unconfigure(Stores.EMBEDDED_PID);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Redis REDIS = new Redis();

    static final class Redis extends StoreUnderTest {
        private RedisServerFixture server;
        private Map<String, Object> properties;

        /** The suite's redis-server (append-only file on, so it keeps data across its restarts). */
        RedisServerFixture server() {
            if (server == null) {
                server = RedisServerFixture.start("server-store", true);
            }
            return server;
        }

        Path spoolFolder() {
            return Path.of((String) properties.get("dataFolder"));
        }

        @Override
        ServerStore open(Map<String, Object> extra) {
            properties = new HashMap<>();
            properties.put("uri", server().uri());
            properties.put("dataFolder", TestFolders.newFolder("redis-spool").toString());
            properties.put("retryIntervalMs", 100);
            properties.put("connectTimeoutMs", 1_000);
            properties.put("commandTimeoutMs", 2_000);
            properties.putAll(extra);
            ServerStore store = restart();
            store.flush(ServerStore.FLUSH_CONFIRMATION);
            return store;
        }

        @Override
        ServerStore restart() {
            return Stores.configure(Stores.REDIS_PID, "redis", properties);
        }

        @Override
        void close() {
            Stores.unconfigure(Stores.REDIS_PID);
        }

        void stopServer() {
            if (server != null) {
                close();
                server.stop();
                server = null;
            }
        }

        @Override
        public String toString() {
            return "redis";
        }
    }
}
