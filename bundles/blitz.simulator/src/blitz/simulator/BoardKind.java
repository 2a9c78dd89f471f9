// SPDX-License-Identifier: EPL-2.0
package blitz.simulator;

/** The payload layout a simulated board sends, as the original's board plugins decode it. */
public enum BoardKind {
    /** Board 8 "Blitz Basic Expansion Board": five 12-bit ADC channels at payload bits 0, 12, 24, 36, 48. */
    BASIC_ADC(12, 5),
    /** Board 9 "Motor Expansion Board": raw_adc, motor_value, set_point, 16 bits each at 0, 16, 32. */
    MOTOR(16, 3);

    private final int bitsPerVariable;
    private final int variables;

    BoardKind(int bitsPerVariable, int variables) {
        this.bitsPerVariable = bitsPerVariable;
        this.variables = variables;
    }

    public int bitsPerVariable() {
        return bitsPerVariable;
    }

    public int variables() {
        return variables;
    }

    /** @return the largest value a variable takes (a 12-bit ADC's 4095; 1023 for the motor's 10-bit ADC) */
    public int fullScale() {
        return this == BASIC_ADC ? 4095 : 1023;
    }
}
