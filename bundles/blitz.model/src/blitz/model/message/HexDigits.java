// SPDX-License-Identifier: EPL-2.0
package blitz.model.message;

import java.util.Arrays;

/** The values of hex digits (either case), for a payload kept as a line's digits. */
final class HexDigits {
    /** The value of each ASCII character as a hex digit, -1 for the others: one load instead of three range tests. */
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < 16; i++) {
            VALUES[Character.forDigit(i, 16)] = (byte) i;
            VALUES[Character.toUpperCase(Character.forDigit(i, 16))] = (byte) i;
        }
    }

    private HexDigits() {
    }

    /** @return the value of a hex digit (either case), or -1 when {@code c} is not one */
    static int value(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }
}
