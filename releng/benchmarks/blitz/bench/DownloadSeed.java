// SPDX-License-Identifier: EPL-2.0
package blitz.bench;

import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;

import blitz.server.embedded.internal.EmbeddedServerStore;
import blitz.server.redis.internal.RedisServerStore;
import blitz.server.support.BatchingServerStore;

/**
 * Fills the runtime's store with finished sessions of board-8 messages for the download benchmark,
 * directly through the store's own write path (the same one the runtime logs through), before the
 * runtime starts: a board sends 10 messages/s, so logging 2 M messages would take days.
 *   DownloadSeed embedded FOLDER N...   (FOLDER: the runtime's DATA/runtime-store)
 *   DownloadSeed redis URI SPOOL N...
 * Prints one line per session: {@code SEEDED <id> <messages> <seconds>}.
 */
public final class DownloadSeed {
    private DownloadSeed() {
    }

    public static void main(String[] args) {
        boolean redis = args[0].equals("redis");
        int firstSize = redis ? 3 : 2;
        BatchingServerStore store = redis
                ? new RedisServerStore(config(RedisServerStore.Config.class, Map.of("uri", args[1], "dataFolder", args[2])))
                : new EmbeddedServerStore(config(EmbeddedServerStore.Config.class, Map.of("dataFolder", args[1])));
        try {
            for (int i = firstSize; i < args.length; i++) {
                int messages = Integer.parseInt(args[i]);
                long start = System.nanoTime();
                long session = store.startSession();
                for (int m = 0; m < messages; m++) {
                    store.queue(message(m));
                }
                store.sync();
                store.stopSession();
                if (store.messageCount(session) != messages) {
                    throw new IllegalStateException("session " + session + " holds " + store.messageCount(session));
                }
                System.out.printf(Locale.ROOT, "SEEDED %d %d %.1f%n", session, messages, (System.nanoTime() - start) / 1e9);
            }
        } finally {
            store.close();
        }
    }

    /** A board-8 message (5 readings) stamped {@code index * 100} ms, its first channel counting. */
    static String message(long index) {
        return String.format(Locale.ROOT, "08a0%08x%03x%013x", index * 100, index % 4096, 0);
    }

    /** A component configuration as DS would build it: the annotation's defaults, some overridden. */
    private static <A> A config(Class<A> type, Map<String, Object> overrides) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, arguments) -> overrides.getOrDefault(method.getName(), method.getDefaultValue())));
    }
}
