// SPDX-License-Identifier: EPL-2.0
package blitz.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import blitz.boards.internal.BlitzBasicExpansionBoard;
import blitz.codec.LineSplitter;
import blitz.codec.ShortCode;
import blitz.codec.ShortMessage;
import blitz.codec.internal.WhiteboardDecoderRegistry;
import blitz.logger.LiveValue;
import blitz.logger.internal.RuntimeConfig;
import blitz.logger.internal.WhiteboardLoggingRuntime;
import blitz.model.decoder.BoardDecoder;
import blitz.model.server.ServerStore;
import blitz.serial.internal.SerialPortSource;
import blitz.server.embedded.internal.EmbeddedServerStore;
import blitz.server.redis.internal.RedisServerStore;
import blitz.server.support.BatchingServerStore;
import blitz.simulator.SocatPtyPair;
import blitz.testing.RedisServerFixture;
import blitz.testing.TestFolders;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * The logging runtime outside OSGi, wired as DS would wire it (decoder registry with the Blitz Basic
 * board, {@link WhiteboardLoggingRuntime}, a store): ingest into the embedded store and into Redis, each
 * against its raw baseline measured in the same round; heap over a long session; latency from a line
 * written to a pty to its value in the live cache, through the serial source. Prints
 * {@code RESULT <name> <value> <unit> [baseline=<value>]} lines for releng/run-benchmarks.sh.
 *
 * <p>Arguments: {@code [messages per round] [heap session messages] [latency samples]}; 0 skips heap or
 * latency.
 */
public final class RuntimeBenchmark {
    private static final int BOARD = 0x08;
    private static final int VALUES_PER_PUSH = 1_000;
    private static final String[] LINES = lines(4096);

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int heapMessages = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        ingest(embeddedStore(), Math.min(messages, 500_000)); // warm-up: the JIT compiles the runtime's path
        try (RedisServerFixture redis = RedisServerFixture.start("bench", false)) {
            result("runtime.redis", ingest(redisStore(redis.uri()), messages), "msg/s",
                    rawRpush(redis.uri(), messages));
        }
        double storeAlone = storeOnly(embeddedStore(), messages);
        result("runtime.embedded", ingest(embeddedStore(), messages), "msg/s", storeAlone);
        if (heapMessages > 0) {
            heap(heapMessages);
        }
        if (samples > 0) {
            latency(samples);
        }
        System.exit(0); // jSerialComm and Lettuce leave non-daemon threads
    }

    private static void result(String name, double value, String unit, double baseline) {
        System.out.printf(Locale.ROOT, "RESULT %s %.1f %s%s%n", name, value, unit,
                Double.isNaN(baseline) ? "" : String.format(Locale.ROOT, " baseline=%.1f", baseline));
    }

    /** Messages/s from the sink call until {@code stopSession()} returned (everything stored). */
    private static double ingest(BatchingServerStore store, int messages) throws Exception {
        WhiteboardLoggingRuntime runtime = runtime(store);
        try {
            runtime.startSession();
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                runtime.onMessage("bench", LINES[i & 4095]);
            }
            long session = runtime.currentSession().orElseThrow();
            runtime.stopSession();
            double rate = messages / ((System.nanoTime() - start) / 1e9);
            long count = store.messageCount(session);
            if (count != messages) {
                throw new IllegalStateException("stored " + count + " of " + messages);
            }
            runtime.deleteSession(session);
            return rate;
        } finally {
            store.close();
        }
    }

    /** The store alone (queue + sync), no runtime: the embedded figure's baseline. */
    private static double storeOnly(BatchingServerStore store, int messages) {
        try {
            store.startSession();
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                store.queue(LINES[i & 4095]);
            }
            store.sync();
            double rate = messages / ((System.nanoTime() - start) / 1e9);
            store.stopSession();
            return rate;
        } finally {
            store.close();
        }
    }

    /** Raw multi-value RPUSH through Lettuce: 1 000 values per command, auto-flush off, 8 per flush. */
    private static double rawRpush(String uri, int messages) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.setAutoFlushCommands(false);
            RedisAsyncCommands<String, String> redis = connection.async();
            List<RedisFuture<Long>> futures = new ArrayList<>();
            String[] values = new String[VALUES_PER_PUSH];
            long start = System.nanoTime();
            for (int sent = 0; sent < messages; sent += VALUES_PER_PUSH) {
                for (int i = 0; i < VALUES_PER_PUSH; i++) {
                    values[i] = LINES[(sent + i) & 4095];
                }
                futures.add(redis.rpush("raw", values.clone()));
                if (futures.size() == 8) {
                    connection.flushCommands();
                    LettuceFutures.awaitAll(Duration.ofSeconds(30), futures.toArray(RedisFuture[]::new));
                    futures.clear();
                }
            }
            connection.flushCommands();
            LettuceFutures.awaitAll(Duration.ofSeconds(30), futures.toArray(RedisFuture[]::new));
            double rate = messages / ((System.nanoTime() - start) / 1e9);
            connection.setAutoFlushCommands(true);
            connection.sync().del("raw");
            return rate;
        } finally {
            client.shutdown();
        }
    }

    /** Used heap after a GC every million messages of one session into the embedded store. */
    private static void heap(int messages) throws Exception {
        EmbeddedServerStore store = embeddedStore();
        WhiteboardLoggingRuntime runtime = runtime(store);
        long max = 0;
        StringBuilder trace = new StringBuilder();
        try {
            runtime.startSession();
            for (int i = 0; i < messages; i++) {
                runtime.onMessage("bench", LINES[i & 4095]);
                if ((i + 1) % 1_000_000 == 0) {
                    long used = usedHeapMb();
                    max = Math.max(max, used);
                    trace.append(trace.length() == 0 ? "" : ",").append(used);
                }
            }
            long session = runtime.currentSession().orElseThrow();
            runtime.stopSession();
            runtime.deleteSession(session);
        } finally {
            store.close();
        }
        System.out.printf(Locale.ROOT, "heap after each million of %,d messages (MB): %s%n", messages, trace);
        System.out.printf(Locale.ROOT, "RESULT runtime.heap %d MB%n", max);
    }

    private static long usedHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /**
     * A board on the far end of a socat pty answers every TRANSMIT with one fresh line whose timestamp
     * numbers it; the serial source (polling every 10 ms) reads it into the runtime. Latency: from just
     * before the line is written to the pty until the live cache holds that line's value.
     */
    private static void latency(int samples) throws Exception {
        Path folder = Files.createTempDirectory("blitz-latency");
        long[] writtenAt = new long[samples + 1];
        long[] micros = new long[samples];
        EmbeddedServerStore store = embeddedStore();
        WhiteboardLoggingRuntime runtime = runtime(store);
        try (SocatPtyPair pty = new SocatPtyPair(folder).start();
                FileChannel board = FileChannel.open(pty.boardEnd(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Thread responder = new Thread(() -> answer(board, writtenAt), "board");
            responder.setDaemon(true);
            responder.start();
            SerialPortSource source = new SerialPortSource(config(SerialPortSource.Config.class,
                    Map.of("port", pty.hostEnd().toString(), "pollPeriodMs", 10, "id", "latency")));
            source.start(runtime);
            long seen = 0;
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (seen < samples && System.nanoTime() < deadline) {
                long boardTime = runtime.live().values().stream().filter(v -> v.boardId() == BOARD)
                        .mapToLong(LiveValue::boardTime).findFirst().orElse(0);
                if (boardTime > seen && boardTime <= samples) {
                    long now = System.nanoTime();
                    long at;
                    synchronized (writtenAt) {
                        at = writtenAt[(int) boardTime];
                    }
                    micros[(int) boardTime - 1] = (now - at) / 1_000;
                    seen = boardTime;
                }
                LockSupport.parkNanos(20_000);
            }
            source.stop();
            if (seen < samples) {
                throw new IllegalStateException("latency: only " + seen + " of " + samples + " lines arrived");
            }
        } finally {
            store.close();
        }
        long[] measured = Arrays.stream(micros).filter(m -> m > 0).sorted().toArray();
        System.out.printf(Locale.ROOT, "RESULT latency.p50 %.3f ms%n", measured[measured.length / 2] / 1e3);
        System.out.printf(Locale.ROOT, "RESULT latency.p99 %.3f ms%n", measured[(int) (measured.length * 0.99)] / 1e3);
    }

    /** The board end of the pty: ID reply, ACK to START and STOP, one numbered line per TRANSMIT. */
    private static void answer(FileChannel board, long[] writtenAt) {
        long[] next = { 1 };
        LineSplitter splitter = new LineSplitter(64, line -> {
            try {
                ShortMessage command = ShortMessage.parse(line.subSequence(0, ShortMessage.LENGTH));
                StringBuilder out = new StringBuilder();
                if (command.is(ShortCode.ID_REQUEST)) {
                    out.append(ShortMessage.of(BOARD, ShortCode.ID_REPLY).encode()).append("\r\n");
                } else if (command.is(ShortCode.TRANSMIT) && next[0] < writtenAt.length) {
                    out.append(String.format(Locale.ROOT, "%02xa0%08x%03x%013x\r\n", BOARD, next[0], next[0] & 0xfff, 0));
                    out.append(ShortMessage.of(BOARD, ShortCode.ACK).encode()).append("\r\n");
                    synchronized (writtenAt) {
                        writtenAt[(int) next[0]++] = System.nanoTime();
                    }
                } else {
                    out.append(ShortMessage.of(BOARD, ShortCode.ACK).encode()).append("\r\n");
                }
                ByteBuffer bytes = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.ISO_8859_1));
                while (bytes.hasRemaining()) {
                    board.write(bytes);
                }
            } catch (Exception e) {
                // a partial or unknown command: the source retries
            }
        });
        ByteBuffer in = ByteBuffer.allocate(4096);
        try {
            while (board.read(in.clear()) >= 0) {
                splitter.feed(in.flip());
            }
        } catch (Exception e) {
            // pty closed: benchmark over
        }
    }

    private static WhiteboardLoggingRuntime runtime(ServerStore store) throws Exception {
        return runtime(store, Map.of(), List.of(new BlitzBasicExpansionBoard()));
    }

    /** The runtime as DS builds it: a decoder registry holding {@code decoders}, its configuration {@code overrides}. */
    static WhiteboardLoggingRuntime runtime(ServerStore store, Map<String, Object> overrides, List<BoardDecoder> decoders)
            throws Exception {
        WhiteboardDecoderRegistry registry = new WhiteboardDecoderRegistry(config(WhiteboardDecoderRegistry.Config.class, Map.of()));
        Method add = WhiteboardDecoderRegistry.class.getDeclaredMethod("addDecoder", BoardDecoder.class, Map.class);
        add.setAccessible(true);
        long serviceId = 1;
        for (BoardDecoder decoder : decoders) {
            add.invoke(registry, decoder, Map.of("service.id", serviceId++));
        }
        Map<String, Object> settings = new HashMap<>(overrides);
        settings.putIfAbsent("dataFolder", TestFolders.newFolder("bench-logger").toString());
        return new WhiteboardLoggingRuntime(store, registry, config(RuntimeConfig.class, settings));
    }

    static RedisServerStore redisStore(String uri) {
        return new RedisServerStore(config(RedisServerStore.Config.class,
                Map.of("uri", uri, "dataFolder", TestFolders.newFolder("bench-spool").toString())));
    }

    static EmbeddedServerStore embeddedStore() {
        return new EmbeddedServerStore(config(EmbeddedServerStore.Config.class,
                Map.of("dataFolder", TestFolders.newFolder("bench-embedded").toString())));
    }

    /** A component configuration as DS would build it: the annotation's defaults, some overridden. */
    static <A> A config(Class<A> type, Map<String, Object> overrides) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, arguments) -> overrides.getOrDefault(method.getName(), method.getDefaultValue())));
    }

    /** Blitz Basic board lines: 28 hex characters, ADC channel 1 varying. */
    static String[] lines(int count) {
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) {
            lines[i] = String.format(Locale.ROOT, "%02xa0%08x%03x%013x", BOARD, i, i, 0);
        }
        return lines;
    }
}
