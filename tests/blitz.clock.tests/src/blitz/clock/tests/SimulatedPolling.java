// SPDX-License-Identifier: EPL-2.0
package blitz.clock.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import blitz.clock.EnvelopeClockFit;
import blitz.simulator.SimulatedClock;

/**
 * A host polling one simulated board, in simulated time: the board makes {@code rate} messages a
 * second of its own crystal (so a drifting board's messages slide against the host's polls) and stamps
 * each with its {@link SimulatedClock}; the host polls every {@code pollSeconds} (each poll up to 3 ms
 * late, as a scheduler is) and receives everything buffered at the poll 1 to 4 ms later, all with that
 * one receive time. The host's clock is the truth (UTC).
 */
final class SimulatedPolling {
    static final long HOST_START = 1_780_000_000_000L;

    record Pair(double trueSeconds, long stamp, long hostMillis) {
    }

    private SimulatedPolling() {
    }

    /** @return the pairs the host sees over {@code seconds} of true time */
    static List<Pair> run(SimulatedClock clock, double rate, double pollSeconds, double seconds, long seed) {
        Random random = new Random(seed);
        double phase = random.nextDouble() * pollSeconds;
        List<Pair> pairs = new ArrayList<>();
        long made = 0;
        double period = 1 / (rate * clock.rate());
        for (double scheduled = phase; scheduled <= seconds; scheduled += pollSeconds) {
            double poll = scheduled + random.nextDouble() * 0.003;
            double latencyMs = 1 + random.nextDouble() * 3;
            long received = (long) Math.floor(HOST_START + poll * 1000 + latencyMs);
            for (; made * period <= poll; made++) {
                double at = made * period;
                pairs.add(new Pair(at, clock.stamp(at), received));
            }
        }
        return pairs;
    }

    /** @return a fit fed with every pair */
    static EnvelopeClockFit fit(List<Pair> pairs) {
        EnvelopeClockFit fit = new EnvelopeClockFit();
        pairs.forEach(pair -> fit.add(pair.stamp(), pair.hostMillis()));
        return fit;
    }
}
