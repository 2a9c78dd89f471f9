// SPDX-License-Identifier: EPL-2.0
package blitz.clock.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import blitz.clock.BoardClockModel;
import blitz.clock.ClockEvent;
import blitz.clock.EnvelopeClockFit;
import blitz.clock.EnvelopeClockFit.Position;
import blitz.simulator.SimulatedClock;
import blitz.simulator.SimulatedClock.Settings;

/** The clock fit against the simulator's truth: drift, jitter, polling delays, a reset and the 32-bit wrap. */
class EnvelopeClockFitTest {
    private static final double HALF_HOUR = 30 * 60;

    /** @return the host time the fit gives to the board's own (jitter-free) time at a true instant */
    private static double aligned(EnvelopeClockFit fit, SimulatedClock clock, double trueSeconds) {
        int segment = clock.resetBy(trueSeconds) ? fit.segments().size() - 1 : 0;
        double board = clock.boardMillis(trueSeconds);
        return fit.hostMillis(new Position(segment, board));
    }

    @Test
    void twoDriftingBoardsLandOnOneAxis() {
        SimulatedClock fast = new SimulatedClock(Settings.of(150, 0.5, 0, 0, 1));
        SimulatedClock slow = new SimulatedClock(Settings.of(-80, 0.5, 0, 0, 2));
        EnvelopeClockFit fastFit = SimulatedPolling.fit(SimulatedPolling.run(fast, 10, 1, HALF_HOUR, 11));
        EnvelopeClockFit slowFit = SimulatedPolling.fit(SimulatedPolling.run(slow, 10, 1, HALF_HOUR, 12));
        double worstBetween = 0;
        double worstToTruth = 0;
        for (double t = 0; t <= HALF_HOUR; t += 5) {
            double a = aligned(fastFit, fast, t);
            double b = aligned(slowFit, slow, t);
            worstBetween = Math.max(worstBetween, Math.abs(a - b));
            worstToTruth = Math.max(worstToTruth, Math.max(Math.abs(a - truth(t)), Math.abs(b - truth(t))));
        }
        BoardClockModel fastModel = fastFit.current().orElseThrow();
        BoardClockModel slowModel = slowFit.current().orElseThrow();
        System.out.printf(Locale.ROOT, "BENCH clock fit, 30 min at 1 s polls: boards apart by at most %.2f ms, at most %.2f ms from UTC;"
                + " drift %.2f ppm (truth +150), %.2f ppm (truth -80)%n", worstBetween, worstToTruth, fastModel.driftPpm(),
                slowModel.driftPpm());
        assertTrue(worstBetween <= 5, "aligned times of one instant differ by " + worstBetween + " ms");
        assertEquals(150, fastModel.driftPpm(), 10);
        assertEquals(-80, slowModel.driftPpm(), 10);
        assertTrue(fastFit.events().isEmpty(), "jitter is no reset: " + fastFit.events());
    }

    /**
     * The goal over 40 poll phases (docs/serial.md's table): at 10 messages a second the drift slides
     * the messages by little more than one period in 30 minutes, so a few phases miss the goal; at 50
     * every phase meets it.
     */
    @Test
    void pollPhasesSweep() {
        assertTrue(sweep(10, HALF_HOUR) >= 36, "most phases meet the goal at 10 messages a second");
        assertEquals(40, sweep(50, HALF_HOUR), "every phase meets the goal at 50 messages a second");
    }

    /** @return of 40 poll phases, how many meet the goal (apart at most 5 ms, drift within 10 ppm) */
    private static int sweep(double rate, double seconds) {
        int met = 0;
        double worstApart = 0;
        double worstDrift = 0;
        for (int seed = 0; seed < 40; seed++) {
            SimulatedClock fast = new SimulatedClock(Settings.of(150, 0.5, 0, 0, seed));
            SimulatedClock slow = new SimulatedClock(Settings.of(-80, 0.5, 0, 0, seed + 100));
            EnvelopeClockFit fastFit = SimulatedPolling.fit(SimulatedPolling.run(fast, rate, 1, seconds, seed * 7 + 1));
            EnvelopeClockFit slowFit = SimulatedPolling.fit(SimulatedPolling.run(slow, rate, 1, seconds, seed * 7 + 2));
            double apart = 0;
            for (double t = 0; t <= seconds; t += 5) {
                apart = Math.max(apart, Math.abs(aligned(fastFit, fast, t) - aligned(slowFit, slow, t)));
            }
            double drift = Math.max(Math.abs(fastFit.current().orElseThrow().driftPpm() - 150),
                    Math.abs(slowFit.current().orElseThrow().driftPpm() + 80));
            worstApart = Math.max(worstApart, apart);
            worstDrift = Math.max(worstDrift, drift);
            met += apart <= 5 && drift <= 10 ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "BENCH clock fit sweep, %.0f messages/s, %.0f s, 40 poll phases: %d meet the goal;"
                + " worst apart %.2f ms, worst drift error %.2f ppm%n", rate, seconds, met, worstApart, worstDrift);
        return met;
    }

    private static double truth(double trueSeconds) {
        return SimulatedPolling.HOST_START + trueSeconds * 1000;
    }

    @Test
    void bothEnvelopesBoundTheTruthWhenTheMessagesNeverSlide() {
        // no drift, no jitter: every last message before a poll is equally late, so the late side alone
        // would stay off by that much; the first message after each poll bounds the truth from below
        SimulatedClock clock = new SimulatedClock(Settings.of(0, 0, 0, 0, 3));
        EnvelopeClockFit fit = SimulatedPolling.fit(SimulatedPolling.run(clock, 10, 1, 600, 13));
        for (double t = 0; t <= 600; t += 10) {
            assertEquals(truth(t), aligned(fit, clock, t), 50 + 4, "within half a message period (and the latency) at " + t + " s");
        }
        assertEquals(0, fit.current().orElseThrow().driftPpm(), 10);
    }

    @Test
    void aResetStartsASegmentOfItsOwn() {
        SimulatedClock clock = new SimulatedClock(Settings.of(-120, 0.5, 700, 0, 4));
        EnvelopeClockFit fit = SimulatedPolling.fit(SimulatedPolling.run(clock, 50, 1, HALF_HOUR, 14));
        assertEquals(1, fit.events().size(), fit.events().toString());
        ClockEvent reset = fit.events().get(0);
        assertEquals(ClockEvent.Kind.RESET, reset.kind());
        assertEquals(1, reset.segment());
        assertEquals(700_000, reset.hostMillis() - SimulatedPolling.HOST_START, 1_000, "seen at the first poll after it");
        assertEquals(2, fit.segments().size());
        for (BoardClockModel segment : fit.segments()) {
            assertEquals(-120, segment.driftPpm(), 10);
        }
        for (double t : new double[] { 10, 650, 710, 1000, HALF_HOUR }) {
            assertEquals(truth(t), aligned(fit, clock, t), 5, "at " + t + " s");
        }
    }

    @Test
    void theWrapIsUnwrapped() {
        long start = SimulatedClock.WRAP - 300_000;
        SimulatedClock clock = new SimulatedClock(Settings.of(90, 0.5, 0, start, 5));
        List<SimulatedPolling.Pair> pairs = SimulatedPolling.run(clock, 50, 1, HALF_HOUR, 15);
        EnvelopeClockFit fit = new EnvelopeClockFit();
        double previous = Double.NEGATIVE_INFINITY;
        for (SimulatedPolling.Pair pair : pairs) {
            Position position = fit.add(pair.stamp(), pair.hostMillis());
            assertEquals(0, position.segment());
            assertTrue(position.boardMillis() > previous - EnvelopeClockFit.JITTER_TOLERANCE_MS, "unwrapped time runs on");
            previous = position.boardMillis();
        }
        assertEquals(List.of(ClockEvent.Kind.WRAP), fit.events().stream().map(ClockEvent::kind).toList());
        assertEquals(300, (fit.events().get(0).hostMillis() - SimulatedPolling.HOST_START) / 1000.0, 1.5, "the wrap, 300 board s in");
        assertEquals(90, fit.current().orElseThrow().driftPpm(), 10);
        for (double t : new double[] { 5, 299, 301, HALF_HOUR }) {
            assertEquals(truth(t), aligned(fit, clock, t), 5, "at " + t + " s");
        }
    }

    @Test
    void aFewPairsGiveAFitAlready() {
        EnvelopeClockFit fit = new EnvelopeClockFit();
        fit.add(1_000, SimulatedPolling.HOST_START + 1_010);
        BoardClockModel one = fit.current().orElseThrow();
        assertEquals(SimulatedPolling.HOST_START + 1_010, one.hostMillis(1_000), 1e-6);
        assertEquals(0, one.driftPpm(), 1e-9, "one pair: no drift known yet");
        fit.add(1_100, SimulatedPolling.HOST_START + 1_010);
        fit.add(1_095, SimulatedPolling.HOST_START + 1_010);
        assertTrue(fit.events().isEmpty(), "5 ms back is jitter, not a reset");
        fit.add(1_900, SimulatedPolling.HOST_START + 2_010);
        fit.add(2_000, SimulatedPolling.HOST_START + 2_010);
        fit.add(2_900, SimulatedPolling.HOST_START + 3_012);
        fit.add(3_000, SimulatedPolling.HOST_START + 3_012);
        BoardClockModel three = fit.current().orElseThrow();
        assertEquals(1, three.rate(), 0.1, "three replies 1 s apart bound the rate to a few per cent");
        assertTrue(three.hostMillis(2_000) <= SimulatedPolling.HOST_START + 2_010, "not later than it was received");
        assertTrue(three.hostMillis(1_900) >= SimulatedPolling.HOST_START + 1_010 - 1, "not before the previous reply");
    }
}
