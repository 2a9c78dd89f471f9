// SPDX-License-Identifier: EPL-2.0
package blitz.simulator;

import java.util.Random;

/** How a simulated variable moves over time; every shape gives values in 0..1. */
public enum SignalShape {
    SINE, RAMP, NOISE, CONSTANT;

    /**
     * @param phase  position in the current period, 0..1
     * @param random source for {@link #NOISE}
     * @return the value in 0..1
     */
    public double at(double phase, Random random) {
        return switch (this) {
        case SINE -> 0.5 + 0.5 * Math.sin(2 * Math.PI * phase);
        case RAMP -> phase;
        case NOISE -> random.nextDouble();
        case CONSTANT -> 0.5;
        };
    }
}
