// SPDX-License-Identifier: EPL-2.0
package blitz.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import blitz.boards.BitField;
import blitz.boards.FieldLayoutDecoder;
import blitz.codec.BoardMessageCodec;
import blitz.codec.NumberedMessages;
import blitz.logger.internal.WhiteboardLoggingRuntime;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.MessageDecodingException;
import blitz.model.message.BoardMessage;
import blitz.model.message.MessageType;
import blitz.model.server.StoreHealth;
import blitz.model.source.MessageSource;
import blitz.serial.internal.SerialPortSource;
import blitz.server.support.BatchingServerStore;
import blitz.simulator.BoardKind;
import blitz.simulator.BoardSimulator;
import blitz.simulator.SimulatorOptions;
import blitz.simulator.SocatPtyPair;
import blitz.testing.RedisServerFixture;
import blitz.testing.TestFolders;

/**
 * Load test: simulated numbered boards, each on its own socat pty pair read by a real
 * {@link SerialPortSource}, at the full rate of a 57600-baud line, into the logging runtime and the
 * Redis store (or the embedded store) for some minutes. Every few seconds it samples the used heap
 * after a GC, the store's queue (writer queue plus outage buffer) and each board's buffer. At the end
 * it checks, board by board, that every message a board transmitted is stored exactly once (from the
 * sequence numbers), and that memory stayed flat: the mean of the last third of the heap samples
 * within {@value #FLAT_FACTOR} x the first third's + {@value #FLAT_SLACK_MB} MB, and no sample above
 * {@value #HEAP_LIMIT_MB} MB. Prints {@code RESULT} lines and exits 1 when a check fails.
 *
 * <p>Arguments: {@code [minutes=10] [boards=8] [messages/s per board, 0 = 57600-baud line rate]
 * [redis|embedded] [sample seconds=5]}.
 */
public final class LoadBenchmark {
    private static final int FIRST_BOARD = 0x20;
    private static final int BAUD = 57600;
    private static final int POLL_MS = 200;
    private static final int BOARD_BUFFER = 180;
    static final double FLAT_FACTOR = 1.25;
    static final int FLAT_SLACK_MB = 4;
    static final int HEAP_LIMIT_MB = 64;
    private static final int QUEUE_WATCH_MS = 10;

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int boards = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        double rate = args.length > 2 && Double.parseDouble(args[2]) > 0 ? Double.parseDouble(args[2]) : lineRate();
        boolean redis = args.length <= 3 || args[3].equals("redis");
        int sampleSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int failures;
        if (redis) {
            try (RedisServerFixture server = RedisServerFixture.start("load", false)) {
                failures = run(RuntimeBenchmark.redisStore(server.uri()), "redis", minutes, boards, rate, sampleSeconds);
            }
        } else {
            failures = run(RuntimeBenchmark.embeddedStore(), "embedded", minutes, boards, rate, sampleSeconds);
        }
        System.exit(failures == 0 ? 0 : 1); // jSerialComm and Lettuce leave non-daemon threads
    }

    /** Messages/s a 57600-baud line carries (10 bits per character) of numbered board lines with CR LF. */
    private static double lineRate() {
        BoardMessage plain = new BoardMessage(FIRST_BOARD, MessageType.DATA, 0, 0, new byte[8], 64);
        int characters = BoardMessageCodec.standard().encode(NumberedMessages.number(plain, 0)).length() + 2;
        return Math.floor(BAUD / 10.0 / characters);
    }

    private static int run(BatchingServerStore store, String storeName, double minutes, int boardCount, double rate,
            int sampleSeconds) throws Exception {
        List<Board> boards = new ArrayList<>();
        List<BoardDecoder> decoders = new ArrayList<>();
        StringBuilder boardRates = new StringBuilder();
        for (int i = 0; i < boardCount; i++) {
            int id = FIRST_BOARD + i;
            decoders.add(adcBoard(id));
            boardRates.append(boardRates.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%02x=%s", id, rate));
        }
        WhiteboardLoggingRuntime runtime = RuntimeBenchmark.runtime(store, Map.of("pollingPeriodMs", POLL_MS,
                "boardRates", boardRates.toString(), "lineLength", (int) Math.ceil(BAUD / 10.0 / rate)), decoders);
        System.out.printf(Locale.ROOT, "load: %d boards at %.0f messages/s each (%.0f/s in all), polled every %d ms, "
                + "%.1f minutes, %s store, samples every %d s%n", boardCount, rate, rate * boardCount, POLL_MS, minutes,
                storeName, sampleSeconds);
        System.out.println("pre-flight: " + runtime.preflight().summary());
        Method addSource = WhiteboardLoggingRuntime.class.getDeclaredMethod("addSource", MessageSource.class);
        addSource.setAccessible(true);
        Method deactivate = WhiteboardLoggingRuntime.class.getDeclaredMethod("deactivate");
        deactivate.setAccessible(true);
        List<Sample> samples = new ArrayList<>();
        long session;
        try {
            runtime.startSession();
            session = runtime.currentSession().orElseThrow();
            // boards plugged in while the session runs: each starts logging, numbered from 0, on its START
            for (int i = 0; i < boardCount; i++) {
                Board board = Board.start(FIRST_BOARD + i, rate);
                boards.add(board);
                addSource.invoke(runtime, board.source);
            }
            QueueWatcher watcher = new QueueWatcher(store);
            watcher.start();
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(sampleSeconds * 1000L, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                Sample sample = Sample.take((System.nanoTime() - start) / 1e9, watcher.takeDeepest(), store.health(), boards);
                samples.add(sample);
                System.out.println(sample);
            }
            watcher.finish();
            // the runtime shuts down with the session running: it drains and stops every board, then ends the session
            deactivate.invoke(runtime);
        } finally {
            for (Board board : boards) {
                board.close();
            }
        }
        Map<Integer, Tally> tallies = tally(store, session, boards);
        store.deleteSession(session);
        store.close();
        return report(boards, tallies, samples);
    }

    /** A board like board 8 (five 12-bit ADC channels) under another id, its variables named after it. */
    private static BoardDecoder adcBoard(int id) {
        List<BitField> layout = IntStream.range(0, 5)
                .mapToObj(c -> BitField.unsigned(String.format(Locale.ROOT, "board%02x_adc%d", id, c + 1), c * 12, 12))
                .toList();
        return new FieldLayoutDecoder(id, "Load board " + id, layout);
    }

    /** One simulated board: its pty pair, the simulator on the board end and the serial source on the host end. */
    private record Board(int id, SocatPtyPair pty, BoardSimulator simulator, SerialPortSource source) {
        static Board start(int id, double rate) throws Exception {
            Path folder = TestFolders.newFolder("load-board-" + Integer.toHexString(id));
            SocatPtyPair pty = new SocatPtyPair(folder).start();
            BoardSimulator simulator = BoardSimulator.serve(pty.boardEnd(), SimulatorOptions.defaults()
                    .withBoard(id, BoardKind.BASIC_ADC).withRate(rate).withBuffer(BOARD_BUFFER, true).withNumbering(true));
            SerialPortSource source = new SerialPortSource(RuntimeBenchmark.config(SerialPortSource.Config.class,
                    Map.of("port", pty.hostEnd().toString(), "pollPeriodMs", POLL_MS, "id", "load-" + Integer.toHexString(id))));
            return new Board(id, pty, simulator, source);
        }

        /** Messages generated and not yet transmitted (nor overwritten): what waits in the board's buffer. */
        long buffered() {
            return simulator.generated() - simulator.transmitted() - simulator.overwritten();
        }

        void close() throws Exception {
            source.stop();
            simulator.close();
            pty.close();
        }
    }

    /**
     * One sample: heap used after a GC (MB, 0.1 MB resolution), the deepest store queue seen by the
     * queue watcher since the previous sample, spooled writes, and what waits in the boards' buffers.
     */
    private record Sample(double seconds, double heapMb, long storeQueue, long spooled, long boardBuffers) {
        static Sample take(double seconds, long deepestQueue, StoreHealth health, List<Board> boards) {
            System.gc();
            double heap = Math.round(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 104_857.6) / 10.0;
            return new Sample(seconds, heap, Math.max(deepestQueue, health.bufferedMessages()), health.spooledMessages(),
                    boards.stream().mapToLong(Board::buffered).sum());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "sample %6.1f s: heap %.1f MB, store queue max %d, spooled %d, board buffers %d",
                    seconds, heapMb, storeQueue, spooled, boardBuffers);
        }
    }

    /** Reads the store's queue depth every {@value #QUEUE_WATCH_MS} ms: the writer empties it too fast for 5 s samples. */
    private static final class QueueWatcher extends Thread {
        private final BatchingServerStore store;
        private final AtomicLong deepest = new AtomicLong();
        private volatile boolean done;

        QueueWatcher(BatchingServerStore store) {
            super("load-queue-watcher");
            setDaemon(true);
            this.store = store;
        }

        @Override
        public void run() {
            while (!done) {
                deepest.accumulateAndGet(store.health().bufferedMessages(), Math::max);
                LockSupport.parkNanos(QUEUE_WATCH_MS * 1_000_000L);
            }
        }

        /** @return the deepest queue seen since the previous call */
        long takeDeepest() {
            return deepest.getAndSet(0);
        }

        void finish() {
            done = true;
        }
    }

    /** What the store holds of one board: sequence numbers seen, lines, duplicates. */
    private static final class Tally {
        final BitSet seen = new BitSet();
        long stored;
        long duplicated;
    }

    private static Map<Integer, Tally> tally(BatchingServerStore store, long session, List<Board> boards) {
        Map<Integer, Tally> tallies = new HashMap<>();
        boards.forEach(board -> tallies.put(board.id(), new Tally()));
        BoardMessageCodec codec = BoardMessageCodec.standard();
        long[] foreign = { 0 };
        store.readSession(session, 0, 10_000, chunk -> {
            for (String line : chunk) {
                try {
                    BoardMessage message = codec.parse(line);
                    Tally tally = tallies.get(message.sender());
                    if (tally == null || !NumberedMessages.isNumbered(message)) {
                        foreign[0]++;
                        continue;
                    }
                    int sequence = (int) NumberedMessages.sequence(message);
                    tally.stored++;
                    if (tally.seen.get(sequence)) {
                        tally.duplicated++;
                    }
                    tally.seen.set(sequence);
                } catch (MessageDecodingException e) {
                    foreign[0]++;
                }
            }
        });
        if (foreign[0] > 0) {
            System.out.println("stored lines that are no numbered line of a load board: " + foreign[0]);
        }
        return tallies;
    }

    /** Prints the per-board and memory figures and the checks. @return how many checks failed */
    private static int report(List<Board> boards, Map<Integer, Tally> tallies, List<Sample> samples) {
        int failures = 0;
        long sentAll = 0;
        long lostAll = 0;
        long duplicatedAll = 0;
        long overwrittenAll = 0;
        for (Board board : boards) {
            Tally tally = tallies.get(board.id());
            long sent = board.simulator().transmitted();
            long lost = sent - tally.seen.cardinality();
            long gapsInNumbering = tally.seen.length() - tally.seen.cardinality();
            System.out.printf(Locale.ROOT, "board %02x: sent=%d stored=%d lost=%d duplicated=%d overwritten-on-board=%d "
                    + "numbering-gaps=%d%n", board.id(), sent, tally.stored, lost, tally.duplicated,
                    board.simulator().overwritten(), gapsInNumbering);
            sentAll += sent;
            lostAll += lost;
            duplicatedAll += tally.duplicated;
            overwrittenAll += board.simulator().overwritten();
        }
        double[] heap = samples.stream().mapToDouble(Sample::heapMb).toArray();
        int third = Math.max(1, heap.length / 3);
        double first = mean(heap, 0, third);
        double last = mean(heap, heap.length - third, heap.length);
        double maxHeap = samples.stream().mapToDouble(Sample::heapMb).max().orElse(0);
        long maxQueue = samples.stream().mapToLong(Sample::storeQueue).max().orElse(0);
        long maxSpooled = samples.stream().mapToLong(Sample::spooled).max().orElse(0);
        long maxBoardBuffers = samples.stream().mapToLong(Sample::boardBuffers).max().orElse(0);
        System.out.println("heap samples (MB): " + String.join(",", samples.stream().map(s -> Double.toString(s.heapMb())).toList()));
        System.out.printf(Locale.ROOT, "RESULT load.sent %d messages%n", sentAll);
        System.out.printf(Locale.ROOT, "RESULT load.lost %d messages%n", lostAll);
        System.out.printf(Locale.ROOT, "RESULT load.duplicated %d messages%n", duplicatedAll);
        System.out.printf(Locale.ROOT, "RESULT load.overwritten %d messages%n", overwrittenAll);
        System.out.printf(Locale.ROOT, "RESULT load.heap.max %.1f MB%n", maxHeap);
        System.out.printf(Locale.ROOT, "RESULT load.heap.first-third %.1f MB%n", first);
        System.out.printf(Locale.ROOT, "RESULT load.heap.last-third %.1f MB%n", last);
        System.out.printf(Locale.ROOT, "RESULT load.queue.max %d messages%n", maxQueue);
        System.out.printf(Locale.ROOT, "RESULT load.spooled.max %d messages%n", maxSpooled);
        System.out.printf(Locale.ROOT, "RESULT load.board-buffers.max %d messages%n", maxBoardBuffers);
        failures += check(samples.size() >= 3, "at least three samples (" + samples.size() + ")");
        failures += check(sentAll > 0, "the boards sent messages (" + sentAll + ")");
        failures += check(lostAll == 0, "no message lost (" + lostAll + ")");
        failures += check(duplicatedAll == 0, "no message stored twice (" + duplicatedAll + ")");
        failures += check(overwrittenAll == 0, "no message overwritten in a board's buffer (" + overwrittenAll + ")");
        failures += check(maxHeap <= HEAP_LIMIT_MB, String.format(Locale.ROOT, "heap at most %d MB (max %.1f MB)", HEAP_LIMIT_MB, maxHeap));
        failures += check(last <= first * FLAT_FACTOR + FLAT_SLACK_MB, String.format(Locale.ROOT,
                "heap flat: last third %.1f MB <= %.2f x first third %.1f MB + %d MB", last, FLAT_FACTOR, first, FLAT_SLACK_MB));
        return failures;
    }

    private static int check(boolean passed, String what) {
        System.out.println((passed ? "LOAD ok: " : "LOAD FAILED: ") + what);
        return passed ? 0 : 1;
    }

    private static double mean(double[] values, int from, int to) {
        return to <= from ? 0 : IntStream.range(from, to).mapToDouble(i -> values[i]).average().orElse(0);
    }
}
