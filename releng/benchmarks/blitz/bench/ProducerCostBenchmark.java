// SPDX-License-Identifier: EPL-2.0
package blitz.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import blitz.boards.internal.BlitzBasicExpansionBoard;
import blitz.logger.internal.WhiteboardLoggingRuntime;
import blitz.model.server.ServerStore;
import blitz.model.server.StoreHealth;

/**
 * The producer thread's own work per message, as CPU time of that thread (so independent of what
 * else runs on the machine): {@code WhiteboardLoggingRuntime.onMessage} of Blitz Basic lines (decode, live
 * cache, board counter), once without a session and once with a session into a store whose
 * {@code queue} only counts. The runtime is wired as in {@link RuntimeBenchmark}.
 *
 * <p>Arguments: {@code [messages per round] [rounds]}. Prints
 * {@code RESULT producer.<mode> <median ns> ns/msg} and every round's figure.
 */
public final class ProducerCostBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[] lines = RuntimeBenchmark.lines(4096);
        WhiteboardLoggingRuntime idle = RuntimeBenchmark.runtime(countingStore(), Map.of(), List.of(new BlitzBasicExpansionBoard()));
        WhiteboardLoggingRuntime logging = RuntimeBenchmark.runtime(countingStore(), Map.of(), List.of(new BlitzBasicExpansionBoard()));
        logging.startSession();
        cpuNanosPerMessage(idle, lines, 2_000_000); // warm-up: the JIT compiles the path
        cpuNanosPerMessage(logging, lines, 2_000_000);
        double[] withoutSession = new double[rounds];
        double[] withSession = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            withoutSession[round] = cpuNanosPerMessage(idle, lines, messages);
            withSession[round] = cpuNanosPerMessage(logging, lines, messages);
        }
        report("producer.nosession", withoutSession);
        report("producer.session", withSession);
        System.exit(0);
    }

    private static double cpuNanosPerMessage(WhiteboardLoggingRuntime runtime, String[] lines, int messages) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < messages; i++) {
            runtime.onMessage("bench", lines[i & 4095]);
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / (double) messages;
    }

    private static void report(String name, double[] rounds) {
        double[] sorted = rounds.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s rounds (ns/msg): %s%n", name, Arrays.toString(rounds));
        System.out.printf(Locale.ROOT, "RESULT %s %.1f ns/msg%n", name, sorted[sorted.length / 2]);
    }

    /** A store that accepts every message and keeps nothing: the producer's cost without a store's. */
    private static ServerStore countingStore() {
        return (ServerStore) Proxy.newProxyInstance(ServerStore.class.getClassLoader(), new Class<?>[] { ServerStore.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "queue" -> true;
                    case "startSession" -> 1L;
                    case "session" -> Optional.empty();
                    case "currentSession" -> OptionalLong.of(1);
                    case "health" -> new StoreHealth(true, 0, 0, "counting");
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    case "toString" -> "counting store";
                    default -> method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
    }
}
