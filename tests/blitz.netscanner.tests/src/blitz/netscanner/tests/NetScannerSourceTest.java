// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests;

import static blitz.testing.CollectingSink.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.source.CommandResult;
import blitz.model.source.LossEvent;
import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.model.source.SourceStatistics;
import blitz.testing.CollectingSink;
import blitz.testing.Osgi;

/**
 * The NetScanner source made by DS from a ConfigAdmin configuration, against a fake scanner on a real
 * loopback socket; its messages decoded by the real decoder registry (blitz.codec + blitz.boards).
 */
class NetScannerSourceTest {
    /** The encoding truncates to micro-kPa, as the original's int(). */
    private static final double KPA_TOLERANCE = 1.01e-6;
    private static DecoderRegistry registry;

    @BeforeAll
    static void decoders() throws Exception {
        registry = Osgi.await(DecoderRegistry.class, (String) null, Duration.ofSeconds(10));
        await("decoders for boards 10 and 11", 10_000,
                () -> registry.decoderFor(10).isPresent() && registry.decoderFor(11).isPresent());
    }

    @Test
    void readingsArriveAtTwoHertzAndDecodeToTheScannersValuesReversed() throws Exception {
        try (FakeNetScanner scanner = new FakeNetScanner("\r\n");
                ConfiguredScanner configured = new ConfiguredScanner("ns-rate", scanner.port(), Map.of())) {
            double[] sent = FakeNetScanner.pattern(101.325);
            sent[12] = -1.234567;
            scanner.values(sent);
            MessageSource source = configured.source;
            CollectingSink sink = new CollectingSink();
            long started = System.nanoTime();
            source.start(sink);
            await("RUNNING", 10_000, () -> source.state() == SourceState.RUNNING);
            assertEquals(Set.of(10), source.boardIds());
            await("5 readings", 10_000, () -> sink.lineCount() >= 5);
            double seconds = (System.nanoTime() - started) / 1e9;
            CommandResult command = source.sendCommand(10, "85");
            source.stop();

            assertEquals(List.of("A", "B", "v01101 6.894757", "rFFFF0"), scanner.commands(0).subList(0, 4),
                    "the original's init sequence, then reads");
            assertTrue(seconds > 1.8 && seconds < 4, "5 readings at 2 Hz took " + seconds + " s");
            List<String> lines = sink.lines();
            for (String line : lines) {
                assertEquals(140, line.length(), line);
                assertTrue(line.startsWith("0A50"), line);
                DecodeResult result = registry.decode(line);
                assertTrue(result.isDecoded(), result.detail());
                Map<String, Double> kpa = result.values().stream()
                        .collect(Collectors.toMap(DecodedValue::name, DecodedValue::value));
                assertEquals(16, kpa.size());
                assertEquals(sent[15], kpa.get("Channel_1"), KPA_TOLERANCE, "Channel_1 is the 16th value sent");
                assertEquals(sent[14], kpa.get("Channel_2"), KPA_TOLERANCE);
                assertEquals(sent[12], kpa.get("Channel_4"), KPA_TOLERANCE, "negative values survive the offset");
                assertEquals(sent[8], kpa.get("Channel_8"), KPA_TOLERANCE);
                assertEquals(sent[0], kpa.get("Channel_16"), KPA_TOLERANCE, "Channel_16 is the first value sent");
                assertEquals("kPa", result.values().get(0).unit());
            }
            long[] stamps = lines.stream().mapToLong(line -> registry.decode(line).message().timestamp()).toArray();
            assertTrue(stamps[0] < 1500, "elapsed ms counted from start(): " + stamps[0]);
            // requests are scheduled at a fixed rate: one late reading does not shift the later ones
            for (int i = 1; i < stamps.length; i++) {
                long step = stamps[i] - stamps[i - 1];
                assertTrue(step >= 300 && step <= 800, "2 Hz: " + step + " ms between readings " + (i - 1) + " and " + i);
            }
            double meanStep = (stamps[stamps.length - 1] - stamps[0]) / (stamps.length - 1.0);
            assertEquals(500, meanStep, 50, "mean time between readings");

            assertFalse(command.acknowledged(), "a scanner takes no board commands");
            assertTrue(command.reply().contains("no board commands"), command.reply());
            int delivered = sink.lineCount();
            Thread.sleep(700);
            assertEquals(delivered, sink.lineCount(), "nothing delivered after stop()");
            assertEquals(SourceState.STOPPED, source.state());
            assertTrue(source.boardIds().isEmpty(), "no board while stopped");
            SourceStatistics statistics = source.statistics();
            assertEquals(delivered, statistics.messages());
            assertEquals(0, statistics.badLines());
            assertTrue(statistics.bytes() > delivered * 16 * 8L, "bytes counted: " + statistics.bytes());
        }
    }

    @Test
    void theSecondScannerIsBoard11WithChannels17To32AndUnterminatedRepliesWork() throws Exception {
        try (FakeNetScanner scanner = new FakeNetScanner("");
                ConfiguredScanner configured = new ConfiguredScanner("ns-two", scanner.port(),
                        Map.of("boardId", 11, "rateHz", 10.0))) {
            double[] sent = FakeNetScanner.pattern(-0.5);
            scanner.values(sent);
            MessageSource source = configured.source;
            CollectingSink sink = new CollectingSink();
            source.start(sink);
            await("3 readings", 10_000, () -> sink.lineCount() >= 3);
            source.stop();

            assertEquals(Set.of(), source.boardIds());
            // computed with the original's expression: for r in reversed(raw): hex(int(float(r) * 1e6 + 2e6))
            String original = "067B64B0060CC460059E2410052F83C004C0E3700452432003E3A2D003750280030662300297C1E0"
                    + "0229219001BA8140014BE0F000DD40A0006EA05000000000";
            assertTrue(sink.lines().stream().allMatch(line -> line.startsWith("0B50") && line.substring(12).equals(original)),
                    sink.lines().toString());
            DecodeResult result = registry.decode(sink.last());
            assertTrue(result.isDecoded(), result.detail());
            assertEquals(11, result.message().sender());
            Map<String, Double> kpa = result.values().stream().collect(Collectors.toMap(DecodedValue::name, DecodedValue::value));
            assertEquals(sent[15], kpa.get("Channel_17"), KPA_TOLERANCE);
            assertEquals(sent[5], kpa.get("Channel_27"), KPA_TOLERANCE);
            assertEquals(sent[0], kpa.get("Channel_32"), KPA_TOLERANCE);
        }
    }

    @Test
    void garbageRepliesAreCountedAsBadLinesAndReadingsContinue() throws Exception {
        try (FakeNetScanner scanner = new FakeNetScanner("\r\n");
                ConfiguredScanner configured = new ConfiguredScanner("ns-garbage", scanner.port(), Map.of("rateHz", 20.0))) {
            double[] sent = FakeNetScanner.pattern(50);
            scanner.values(sent);
            double[] outOfRange = sent.clone();
            outOfRange[2] = -2.5;
            scanner.garbage("ERROR 12", "1.0 2.0 3.0", "x".repeat(2000),
                    FakeNetScanner.reading(sent).replaceFirst("^\\S+", "NaN"), FakeNetScanner.reading(outOfRange),
                    "\u0000\u0001\u00ff binary");
            MessageSource source = configured.source;
            CollectingSink sink = new CollectingSink();
            source.start(sink);
            await("6 bad lines and 5 readings after them", 10_000,
                    () -> source.statistics().badLines() == 6 && sink.lineCount() >= 5);
            source.stop();

            List<LossEvent> bad = sink.losses(LossEvent.Kind.BAD_LINE);
            assertEquals(6, bad.size(), bad.toString());
            assertEquals(6, source.statistics().badLines());
            assertTrue(bad.get(0).detail().contains("expected 16 values, got 2"), bad.get(0).detail());
            assertTrue(bad.get(2).detail().contains("longer than 1024"), bad.get(2).detail());
            assertTrue(bad.get(3).detail().contains("not a number: \"NaN\""), bad.get(3).detail());
            assertTrue(bad.get(4).detail().contains("(-2.500000 kPa) is outside"), bad.get(4).detail());
            assertTrue(bad.get(5).detail().contains("\\x00"), bad.get(5).detail());
            assertTrue(bad.stream().allMatch(event -> event.boardId() == 10));
            for (String line : sink.lines()) {
                DecodeResult result = registry.decode(line);
                assertTrue(result.isDecoded(), result.detail());
                assertEquals(sent[15], result.values().get(0).value(), KPA_TOLERANCE);
            }
            assertEquals(sink.lineCount(), source.statistics().messages());
        }
    }

    @Test
    void aClosedConnectionIsReopenedWithTheInitSequenceAndOneReconnectGap() throws Exception {
        try (FakeNetScanner scanner = new FakeNetScanner("\r\n");
                ConfiguredScanner configured = new ConfiguredScanner("ns-reconnect", scanner.port(),
                        Map.of("rateHz", 10.0, "reconnectMaxDelayMs", 400))) {
            scanner.values(FakeNetScanner.pattern(1));
            MessageSource source = configured.source;
            CollectingSink sink = new CollectingSink();
            source.start(sink);
            await("first readings", 10_000, () -> sink.lineCount() >= 3);

            scanner.refusing(true);
            scanner.hangUp();
            await("RECONNECTING", 5_000, () -> source.state() == SourceState.RECONNECTING);
            assertTrue(source.boardIds().isEmpty(), "no board while disconnected");
            await("refused attempts", 5_000, () -> scanner.connections() >= 3);
            scanner.refusing(false);
            double[] after = FakeNetScanner.pattern(200);
            scanner.values(after);
            await("RUNNING again", 10_000, () -> source.state() == SourceState.RUNNING);
            int before = sink.lineCount();
            await("readings after the reconnect", 10_000, () -> sink.lineCount() >= before + 3);
            source.stop();

            List<LossEvent> gaps = sink.losses(LossEvent.Kind.RECONNECT_GAP);
            assertEquals(1, gaps.size(), gaps.toString());
            assertEquals(10, gaps.get(0).boardId());
            assertTrue(gaps.get(0).detail().contains("closed the connection"), gaps.get(0).detail());
            SourceStatistics statistics = source.statistics();
            assertEquals(1, statistics.reconnects());
            assertEquals(1, statistics.gaps());
            assertTrue(statistics.lastError().contains("127.0.0.1:" + scanner.port()), statistics.lastError());
            List<String> reopened = scanner.commands(scanner.connections() - 1);
            assertEquals(List.of("A", "B", "v01101 6.894757", "rFFFF0"), reopened.subList(0, 4));
            assertEquals(after[15], registry.decode(sink.last()).values().get(0).value(), KPA_TOLERANCE);
        }
    }

    @Test
    void aSilentScannerIsRetriedThenReconnected() throws Exception {
        try (FakeNetScanner scanner = new FakeNetScanner("\r\n");
                ConfiguredScanner configured = new ConfiguredScanner("ns-silent", scanner.port(),
                        Map.of("rateHz", 10.0, "timeoutMs", 150, "maxRetries", 2))) {
            MessageSource source = configured.source;
            CollectingSink sink = new CollectingSink();
            source.start(sink);
            await("first readings", 10_000, () -> sink.lineCount() >= 2);

            scanner.silent(true);
            await("a reconnect after 3 unanswered reads", 10_000, () -> scanner.connections() >= 2);
            assertTrue(source.statistics().lastError().contains("no reply to rFFFF0"), source.statistics().lastError());
            scanner.silent(false);
            int before = sink.lineCount();
            await("readings again", 10_000, () -> sink.lineCount() >= before + 2);
            source.stop();

            List<String> first = scanner.commands(0);
            assertEquals(3, first.subList(first.size() - 3, first.size()).stream().filter("rFFFF0"::equals).count());
            assertEquals(1, sink.losses(LossEvent.Kind.RECONNECT_GAP).size());
            assertTrue(sink.losses(LossEvent.Kind.RECONNECT_GAP).get(0).detail().contains("after 3 attempts"));
        }
    }

    @Test
    void aHostWhereNothingListensShowsFailedWithAClearErrorAndNeverThrows() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (ConfiguredScanner configured = new ConfiguredScanner("ns-nobody", closedPort, Map.of("timeoutMs", 500))) {
            MessageSource source = configured.source;
            CollectingSink sink = new CollectingSink();
            source.start(sink);
            await("FAILED", 5_000, () -> source.state() == SourceState.FAILED);
            String error = source.statistics().lastError();
            assertTrue(error.startsWith("cannot connect to NetScanner 127.0.0.1:" + closedPort), error);
            assertTrue(source.boardIds().isEmpty());
            assertFalse(source.sendCommand(10, "85").acknowledged());
            source.stop();
            assertEquals(SourceState.STOPPED, source.state());
            assertEquals(0, sink.lineCount());
            assertTrue(sink.losses(LossEvent.Kind.RECONNECT_GAP).isEmpty(), "never connected: no gap");
        }
    }

    @Test
    void aConfigurationWithoutHostFailsWithTheReason() throws Exception {
        try (ConfiguredScanner configured = new ConfiguredScanner("ns-nohost", 9000, Map.of("host", " "))) {
            MessageSource source = configured.source;
            source.start(new CollectingSink());
            assertEquals(SourceState.FAILED, source.state());
            assertEquals("no host configured (property host)", source.statistics().lastError());
            source.stop();
        }
    }
}
