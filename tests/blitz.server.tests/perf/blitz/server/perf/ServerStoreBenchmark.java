// SPDX-License-Identifier: EPL-2.0
package blitz.server.perf;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import blitz.model.server.ServerStore;
import blitz.server.embedded.internal.EmbeddedServerStore;
import blitz.server.redis.internal.RedisServerStore;
import blitz.server.support.BatchingServerStore;
import blitz.testing.RedisServerFixture;
import blitz.testing.TestFolders;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * Messages/s appended through {@link ServerStore} (Redis and embedded) against raw multi-value
 * LPUSH through Lettuce into the same redis-server, in one run. Not part of the build's tests: run
 * it with {@code tests/blitz.server.tests/perf/run.sh} (see docs/performance.md).
 */
public final class ServerStoreBenchmark {
    private static final int VALUES_PER_PUSH = 1_000;
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        String[] lines = boardLines(65_536);
        try (RedisServerFixture redis = RedisServerFixture.start("perf", false)) {
            List<Double> raw = new ArrayList<>();
            List<Double> store = new ArrayList<>();
            List<Double> embedded = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                raw.add(rate(messages, () -> rawLpush(redis.uri(), lines, messages)));
                store.add(rate(messages, () -> throughStore(redisStore(redis.uri()), lines, messages)));
                embedded.add(rate(messages, () -> throughStore(embeddedStore(), lines, messages)));
                System.out.printf(Locale.ROOT, "round %d: raw LPUSH %,.0f/s  redis store %,.0f/s  embedded store %,.0f/s%n",
                        round, raw.get(round - 1), store.get(round - 1), embedded.get(round - 1));
                // for releng/run-benchmarks.sh
                System.out.printf(Locale.ROOT, "RESULT store.redis %.1f msg/s baseline=%.1f%n", store.get(round - 1), raw.get(round - 1));
                System.out.printf(Locale.ROOT, "RESULT store.embedded %.1f msg/s baseline=%.1f%n", embedded.get(round - 1), raw.get(round - 1));
            }
            double rawMedian = median(raw);
            double storeMedian = median(store);
            double embeddedMedian = median(embedded);
            System.out.printf(Locale.ROOT, "%nmedians of %d rounds, %,d messages of %d chars each:%n", ROUNDS, messages, lines[0].length());
            System.out.printf(Locale.ROOT, "  raw Lettuce LPUSH (%d values per command, auto-flush off): %,.0f messages/s%n", VALUES_PER_PUSH, rawMedian);
            System.out.printf(Locale.ROOT, "  RedisServerStore.queue + sync:                            %,.0f messages/s = %.0f %% of raw (goal >= 1 M/s and >= 35 %%)%n",
                    storeMedian, 100 * storeMedian / rawMedian);
            System.out.printf(Locale.ROOT, "  EmbeddedServerStore.queue + sync (fsync every batch):    %,.0f messages/s (goal >= 300 k/s)%n", embeddedMedian);
            System.out.printf(Locale.ROOT, "%nlatency of one message on an idle store (queue to stored, 1 000 samples):%n");
            System.out.println("  redis store:    " + latency(redisStore(redis.uri()), lines));
            System.out.println("  embedded store: " + latency(embeddedStore(), lines));
        }
    }

    /** 16-character hex lines like a board's short messages. */
    private static String[] boardLines(int count) {
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) {
            lines[i] = String.format(Locale.ROOT, "08%03x%011x", i & 0xfff, (long) i * 7919);
        }
        return lines;
    }

    private static double rate(int messages, LongSupplier timedNanos) {
        return messages / (timedNanos.getAsLong() / 1e9);
    }

    private static long rawLpush(String uri, String[] lines, int messages) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().del("raw");
            connection.setAutoFlushCommands(false);
            RedisAsyncCommands<String, String> redis = connection.async();
            List<RedisFuture<Long>> futures = new ArrayList<>();
            long start = System.nanoTime();
            String[] values = new String[VALUES_PER_PUSH];
            for (int sent = 0; sent < messages; sent += VALUES_PER_PUSH) {
                for (int i = 0; i < VALUES_PER_PUSH; i++) {
                    values[i] = lines[(sent + i) & (lines.length - 1)];
                }
                futures.add(redis.lpush("raw", values.clone()));
                if (futures.size() == 8) {
                    connection.flushCommands();
                    LettuceFutures.awaitAll(Duration.ofSeconds(30), futures.toArray(RedisFuture[]::new));
                    futures.clear();
                }
            }
            connection.flushCommands();
            LettuceFutures.awaitAll(Duration.ofSeconds(30), futures.toArray(RedisFuture[]::new));
            long elapsed = System.nanoTime() - start;
            connection.setAutoFlushCommands(true);
            connection.sync().del("raw");
            return elapsed;
        } finally {
            client.shutdown();
        }
    }

    private static long throughStore(BatchingServerStore store, String[] lines, int messages) {
        try {
            store.flush(ServerStore.FLUSH_CONFIRMATION);
            store.startSession();
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                store.queue(lines[i & (lines.length - 1)]);
            }
            store.sync();
            long elapsed = System.nanoTime() - start;
            store.stopSession();
            if (store.messageCount(store.availableSessions().get(0)) != messages) {
                throw new IllegalStateException("stored " + store.messageCount(1) + " of " + messages);
            }
            store.flush(ServerStore.FLUSH_CONFIRMATION);
            return elapsed;
        } finally {
            store.close();
        }
    }

    /** Queue one message, wait until it is stored; repeated. Reports median and 99th percentile. */
    private static String latency(BatchingServerStore store, String[] lines) {
        try {
            store.startSession();
            long[] micros = new long[1_000];
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                store.queue(lines[i]);
                store.sync();
                micros[i] = (System.nanoTime() - start) / 1_000;
            }
            store.flush(ServerStore.FLUSH_CONFIRMATION);
            Arrays.sort(micros);
            return String.format(Locale.ROOT, "median %.2f ms, p99 %.2f ms, max %.2f ms", micros[500] / 1e3,
                    micros[989] / 1e3, micros[999] / 1e3);
        } finally {
            store.close();
        }
    }

    private static RedisServerStore redisStore(String uri) {
        return new RedisServerStore(config(RedisServerStore.Config.class,
                Map.of("uri", uri, "dataFolder", TestFolders.newFolder("perf-spool").toString())));
    }

    private static EmbeddedServerStore embeddedStore() {
        Path folder = TestFolders.newFolder("perf-embedded");
        return new EmbeddedServerStore(config(EmbeddedServerStore.Config.class, Map.of("dataFolder", folder.toString())));
    }

    /** A component configuration as DS would build it: the annotation's defaults, some overridden. */
    private static <A> A config(Class<A> type, Map<String, Object> overrides) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, arguments) -> overrides.getOrDefault(method.getName(), method.getDefaultValue())));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
