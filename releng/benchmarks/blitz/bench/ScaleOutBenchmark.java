// SPDX-License-Identifier: EPL-2.0
package blitz.bench;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import blitz.server.redis.internal.RedisServerStore;
import blitz.testing.RedisClusterFixture;
import blitz.testing.RedisCli;
import blitz.testing.RedisServerFixture;
import blitz.testing.TestFolders;

/**
 * The scale-out figures of docs/scale-out.md, on loopback, in one run (run by
 * releng/benchmarks/run-scale-out.sh, not by the build):
 * <ol>
 * <li>the cost of {@code WAIT 1}: messages/s and one message's latency through the Redis store into
 * a master with one replica, without and with waiting for the replica;</li>
 * <li>the load: four runtimes (four stores, prefixes {@code rig-1:} .. {@code rig-4:}) with four
 * boards each (a thread queueing flat out) into a Redis Cluster of three masters and three
 * replicas, then the same into one node; the ingest ratio, every session's count checked against
 * what was accepted (nothing lost or doubled), the heap after GC along the way.</li>
 * </ol>
 * The four runtimes share this JVM, so the heap figure is theirs together.
 */
public final class ScaleOutBenchmark {
    private static final int RUNTIMES = 4;
    private static final int BOARDS = 4;

    public static void main(String[] args) throws Exception {
        int loadSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int waitMessages = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        waitCost(waitMessages);
        double cluster;
        try (RedisClusterFixture nodes = RedisClusterFixture.start("bench-cluster")) {
            cluster = load("cluster", Map.of("clusterNodes", nodes.seeds().toArray(String[]::new)), loadSeconds);
        }
        double single;
        try (RedisServerFixture node = RedisServerFixture.start("bench-single", false)) {
            single = load("single node", Map.of("uri", node.uri()), loadSeconds);
        }
        System.out.printf(Locale.ROOT, "RESULT scaleout.cluster %.1f msg/s baseline=%.1f%n", cluster, single);
        System.out.printf(Locale.ROOT, "ingest ratio cluster / single node: %.2f%n", cluster / single);
    }

    private static void waitCost(int messages) {
        try (RedisServerFixture master = RedisServerFixture.start("bench-master", false);
                RedisServerFixture replica = RedisServerFixture.start("bench-replica", false,
                        List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())))) {
            RedisCli.await("replica in sync", 20_000, () -> replica.cli("INFO", "replication").stream()
                    .anyMatch(l -> l.trim().equals("master_link_status:up")));
            double[] rates = new double[2];
            for (int wait = 0; wait <= 1; wait++) {
                RedisServerStore store = store(Map.of("uri", master.uri(), "waitReplicas", wait, "keyPrefix", "wait" + wait + ":"));
                store.startSession();
                long start = System.nanoTime();
                List<String> chunk = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    chunk.add(String.format(Locale.ROOT, "08%026x", i));
                    if (chunk.size() == 1_000) {
                        store.queueAll(chunk);
                        chunk.clear();
                    }
                }
                store.queueAll(chunk);
                store.sync();
                rates[wait] = messages / ((System.nanoTime() - start) / 1e9);
                double[] latencies = new double[500];
                for (int i = 0; i < latencies.length; i++) {
                    long t = System.nanoTime();
                    store.queue("08" + "0".repeat(26));
                    store.sync();
                    latencies[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(latencies);
                store.stopSession();
                store.close();
                System.out.printf(Locale.ROOT, "WAIT %d: %,.0f messages/s (%,d messages, queueAll of 1000 + sync); one message queue+sync:"
                        + " median %.2f ms, p99 %.2f ms%n", wait, rates[wait], messages, latencies[250], latencies[495]);
            }
            System.out.printf(Locale.ROOT, "RESULT scaleout.wait1 %.1f msg/s baseline=%.1f%n", rates[1], rates[0]);
        }
    }

    /** @return messages/s all runtimes together stored */
    private static double load(String where, Map<String, Object> target, int seconds) throws InterruptedException {
        List<RedisServerStore> stores = new ArrayList<>();
        List<Long> sessions = new ArrayList<>();
        for (int r = 1; r <= RUNTIMES; r++) {
            Map<String, Object> config = new java.util.HashMap<>(target);
            config.put("keyPrefix", "rig-" + r + ":");
            config.put("rigName", "rig-" + r);
            RedisServerStore store = store(config);
            stores.add(store);
            sessions.add(store.startSession());
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong[] accepted = new AtomicLong[RUNTIMES];
        List<Thread> boards = new ArrayList<>();
        for (int r = 0; r < RUNTIMES; r++) {
            accepted[r] = new AtomicLong();
            for (int b = 0; b < BOARDS; b++) {
                RedisServerStore store = stores.get(r);
                AtomicLong count = accepted[r];
                int board = b;
                Thread thread = new Thread(() -> {
                    List<String> burst = new ArrayList<>();
                    long n = 0;
                    while (running.get()) {
                        burst.clear();
                        for (int i = 0; i < 100; i++) {
                            burst.add(String.format(Locale.ROOT, "%02x%026x", board, n++));
                        }
                        count.addAndGet(store.queueAll(burst));
                    }
                }, "board-" + r + "-" + b);
                boards.add(thread);
                thread.start();
            }
        }
        long start = System.nanoTime();
        List<String> heap = new ArrayList<>();
        for (int s = 0; s < seconds; s += Math.max(1, seconds / 5)) {
            heap.add(usedHeapMb());
            Thread.sleep(Math.max(1, seconds / 5) * 1_000L);
        }
        running.set(false);
        for (Thread board : boards) {
            board.join();
        }
        long total = 0;
        boolean exact = true;
        for (int r = 0; r < RUNTIMES; r++) {
            RedisServerStore store = stores.get(r);
            store.stopSession();
            store.sync();
            long stored = store.messageCount(sessions.get(r));
            exact &= stored == accepted[r].get();
            total += stored;
            System.out.printf(Locale.ROOT, "  %s rig-%d: accepted %,d stored %,d%n", where, r + 1, accepted[r].get(), stored);
        }
        double rate = total / ((System.nanoTime() - start) / 1e9);
        heap.add(usedHeapMb());
        stores.forEach(RedisServerStore::close);
        System.out.printf(Locale.ROOT, "%s: %d runtimes x %d boards, %d s: %,.0f messages/s stored; nothing lost or doubled: %s;"
                + " heap after GC (MB) along the run: %s%n", where, RUNTIMES, BOARDS, seconds, rate, exact, heap);
        return rate;
    }

    private static String usedHeapMb() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return Long.toString((runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    private static RedisServerStore store(Map<String, Object> overrides) {
        Map<String, Object> config = new java.util.HashMap<>(overrides);
        config.put("dataFolder", TestFolders.newFolder("bench-spool").toString());
        return new RedisServerStore(RedisServerStore.Config.class.cast(Proxy.newProxyInstance(RedisServerStore.Config.class.getClassLoader(),
                new Class<?>[] { RedisServerStore.Config.class },
                (proxy, method, arguments) -> config.getOrDefault(method.getName(), method.getDefaultValue()))));
    }
}
