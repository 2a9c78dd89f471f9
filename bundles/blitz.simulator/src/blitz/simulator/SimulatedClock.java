// SPDX-License-Identifier: EPL-2.0
package blitz.simulator;

import java.util.Random;

/**
 * A simulated board's crystal: the millisecond timestamps the board writes into its messages, as a
 * function of the true time since logging started. The crystal runs {@code driftPpm} fast (negative:
 * slow); each stamp is off by up to {@code jitterMs} either way (interrupt latency); the board may
 * reset once (its clock restarts at 0) and may start at any count, e.g. just below the 32-bit wrap.
 * Simulated time may run faster than real time ({@code timeScale}), so that a long session takes a
 * short test: give the simulator {@code timeScale} times the message rate. {@link #boardMillis} is the
 * truth a clock model is tested against. Thread-safe.
 */
public final class SimulatedClock {
    /** Board timestamps are unsigned 32-bit milliseconds. */
    public static final long WRAP = 1L << 32;

    private final Settings settings;
    private final Random jitter;

    /**
     * @param driftPpm          how much faster than true time the crystal runs, parts per million
     * @param jitterMs          each stamp is off by a uniform amount in [-jitterMs, +jitterMs], &gt;= 0
     * @param resetAfterSeconds true seconds after logging started when the board resets once (its clock
     *                          restarts at 0); 0 or less: never
     * @param startMillis       the board's count when logging starts, 0..2^32-1 (e.g. {@code WRAP - 60_000}
     *                          to wrap a minute in)
     * @param seed              seed of the jitter
     * @param timeScale         simulated seconds per real second, &gt; 0 (1: real time)
     */
    public record Settings(double driftPpm, double jitterMs, double resetAfterSeconds, long startMillis, long seed,
            double timeScale) {
        public Settings {
            if (!(timeScale > 0) || !Double.isFinite(timeScale)) {
                throw new IllegalArgumentException("timeScale must be positive: " + timeScale);
            }
            if (!Double.isFinite(driftPpm) || Math.abs(driftPpm) >= 1e5) {
                throw new IllegalArgumentException("driftPpm must be finite and below 100000 in size: " + driftPpm);
            }
            if (!(jitterMs >= 0) || !Double.isFinite(jitterMs)) {
                throw new IllegalArgumentException("jitterMs must be 0 or more: " + jitterMs);
            }
            if (!Double.isFinite(resetAfterSeconds)) {
                throw new IllegalArgumentException("resetAfterSeconds must be finite: " + resetAfterSeconds);
            }
            if (startMillis < 0 || startMillis >= WRAP) {
                throw new IllegalArgumentException("startMillis must be 0..2^32-1: " + startMillis);
            }
        }

        /** A perfect crystal starting at 0, as the simulator always had. */
        public static Settings ideal() {
            return new Settings(0, 0, 0, 0, 1, 1);
        }

        /** @return these settings in real time ({@code timeScale} 1) */
        public static Settings of(double driftPpm, double jitterMs, double resetAfterSeconds, long startMillis, long seed) {
            return new Settings(driftPpm, jitterMs, resetAfterSeconds, startMillis, seed, 1);
        }
    }

    public SimulatedClock(Settings settings) {
        this.settings = settings;
        this.jitter = new Random(settings.seed());
    }

    public Settings settings() {
        return settings;
    }

    /** @return the crystal's rate relative to true time: {@code 1 + driftPpm / 1e6} */
    public double rate() {
        return 1 + settings.driftPpm() / 1e6;
    }

    /** @return whether the board has reset by {@code trueSeconds} (real seconds since logging started) */
    public boolean resetBy(double trueSeconds) {
        return settings.resetAfterSeconds() > 0 && trueSeconds * settings.timeScale() >= settings.resetAfterSeconds();
    }

    /**
     * The truth: the board's own clock, without jitter and without the 32-bit wrap.
     *
     * @param trueSeconds real time since logging started
     * @return milliseconds the board counts at that instant (from 0 again after a reset)
     */
    public double boardMillis(double trueSeconds) {
        double simulated = trueSeconds * settings.timeScale();
        if (resetBy(trueSeconds)) {
            return (simulated - settings.resetAfterSeconds()) * 1000 * rate();
        }
        return settings.startMillis() + simulated * 1000 * rate();
    }

    /** @return the timestamp the board writes into a message made at {@code trueSeconds}: jittered, 32 bits */
    public long stamp(double trueSeconds) {
        double noise;
        synchronized (jitter) {
            noise = settings.jitterMs() == 0 ? 0 : (jitter.nextDouble() * 2 - 1) * settings.jitterMs();
        }
        long millis = (long) Math.floor(Math.max(0, boardMillis(trueSeconds) + noise));
        return millis & (WRAP - 1);
    }
}
