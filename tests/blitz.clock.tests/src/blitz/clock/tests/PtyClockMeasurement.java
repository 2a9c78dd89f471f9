// SPDX-License-Identifier: EPL-2.0
package blitz.clock.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import blitz.clock.EnvelopeClockFit;
import blitz.clock.EnvelopeClockFit.Position;
import blitz.codec.BoardMessageCodec;
import blitz.codec.MalformedLineException;
import blitz.model.source.LossEvent;
import blitz.model.source.MessageSink;
import blitz.simulator.BoardSimulator;
import blitz.simulator.SimulatedClock;
import blitz.simulator.SimulatorOptions;
import blitz.simulator.SocatPtyPair;
import blitz.testing.ConfiguredSource;
import blitz.testing.TestFolders;

/**
 * The clock goal over the real serial path (on demand: {@code -Dblitz.clock.measure=true}, see
 * docs/serial.md): two simulated boards at +150 and -80 ppm on socat pty pairs, each read by a
 * {@code blitz.serial.port} source polling every simulated second, for 30 simulated minutes run
 * {@value #SCALE} times faster than real time. Every line's receive time goes into one fit per
 * board; then the two boards' aligned times of the same true instants are compared.
 */
class PtyClockMeasurement {
    private static final double SCALE = 10;
    private static final double SIMULATED_SECONDS = 30 * 60;
    private static final long HOST_START = 1_780_000_000_000L;

    /** One board: its simulator, its source and the fit its lines feed. */
    private static final class Board implements MessageSink, AutoCloseable {
        final SocatPtyPair pty;
        final BoardSimulator simulator;
        final ConfiguredSource source;
        final EnvelopeClockFit fit = new EnvelopeClockFit();
        final long hostZeroNanos;
        long lines;
        long rejected;

        Board(int boardId, double driftPpm, long hostZeroNanos) throws Exception {
            this.hostZeroNanos = hostZeroNanos;
            pty = new SocatPtyPair(TestFolders.newFolder("clock-pty-" + boardId)).start();
            simulator = BoardSimulator.serve(pty.boardEnd(), SimulatorOptions.defaults().withBoard(boardId,
                    SimulatorOptions.defaults().kind()).withRate(10 * SCALE).withBuffer(100_000, true),
                    new SimulatedClock(new SimulatedClock.Settings(driftPpm, 0.5, 0, 0, boardId, SCALE)));
            String port = pty.hostEnd().toString();
            source = new ConfiguredSource("blitz.serial.port", Map.of("port", port, "pollPeriodMs", (int) (1000 / SCALE)),
                    "(port=" + port + ")");
        }

        @Override
        public synchronized void onMessage(String sourceId, String line) {
            long hostMillis = HOST_START + Math.round((System.nanoTime() - hostZeroNanos) / 1e6 * SCALE);
            try {
                fit.add(BoardMessageCodec.standard().parse(line).timestamp(), hostMillis);
                lines++;
            } catch (MalformedLineException e) {
                rejected++;
            }
        }

        @Override
        public void onLoss(String sourceId, LossEvent event) {
            // counted by the source; the fit needs no gap
        }

        /** @return the fit's host time of this board's own time at a real instant */
        synchronized double aligned(long nanos) {
            double board = simulator.clock().boardMillis((nanos - simulator.logStartNanos()) / 1e9);
            return fit.hostMillis(new Position(0, board));
        }

        @Override
        public void close() throws Exception {
            source.source().stop();
            source.close();
            simulator.close();
            pty.close();
        }
    }

    @Test
    void twoBoardsOverPtysLandOnOneAxis() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("blitz.clock.measure"), "on demand: -Dblitz.clock.measure=true");
        long zero = System.nanoTime();
        try (Board fast = new Board(0x31, 150, zero); Board slow = new Board(0x32, -80, zero)) {
            fast.source.source().start(fast);
            slow.source.source().start(slow);
            long runNanos = (long) (SIMULATED_SECONDS / SCALE * 1e9);
            Thread.sleep(runNanos / 1_000_000);
            long end = System.nanoTime();
            long from = Math.max(fast.simulator.logStartNanos(), slow.simulator.logStartNanos());
            List<Double> apart = new ArrayList<>();
            for (long instant = from; instant <= end; instant += 1_000_000_000L) {
                apart.add(Math.abs(fast.aligned(instant) - slow.aligned(instant)));
            }
            double worst = apart.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double fastDrift = fast.fit.current().orElseThrow().driftPpm();
            double slowDrift = slow.fit.current().orElseThrow().driftPpm();
            System.out.printf(Locale.ROOT, "RESULT clock over ptys: %d and %d lines, %.0f simulated s at %.0fx; boards apart by at most %.2f ms"
                    + " (median %.2f); drift %.2f ppm (truth +150), %.2f ppm (truth -80); overflows %d %d%n", fast.lines, slow.lines,
                    (end - from) / 1e9 * SCALE, SCALE, worst, apart.stream().sorted().toList().get(apart.size() / 2), fastDrift, slowDrift,
                    fast.simulator.overwritten(), slow.simulator.overwritten());
            assertTrue(fast.fit.events().isEmpty() && slow.fit.events().isEmpty(), fast.fit.events() + " " + slow.fit.events());
            assertTrue(worst <= 5, "aligned times differ by up to " + worst + " ms");
            assertEquals(150, fastDrift, 10);
            assertEquals(-80, slowDrift, 10);
        }
    }
}
