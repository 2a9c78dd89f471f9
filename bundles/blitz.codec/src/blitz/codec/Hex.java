// SPDX-License-Identifier: EPL-2.0
package blitz.codec;

import java.util.Arrays;

/** Hex digit helpers shared by the codec classes. */
final class Hex {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();
    /** The value of each ASCII character as a hex digit, -1 for the others: one load instead of three range tests. */
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < 16; i++) {
            VALUES[DIGITS[i]] = (byte) i;
            VALUES[Character.toLowerCase(DIGITS[i])] = (byte) i;
        }
    }

    private Hex() {
    }

    /** @return the value of a hex digit (either case), or -1 when {@code c} is not one */
    static int value(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }

    /** @return the index of the first character that is not a hex digit, or -1 when all are */
    static int firstNonHex(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value(text.charAt(i)) < 0) {
                return i;
            }
        }
        return -1;
    }

    /** Parses {@code count} hex digits (at most 8) starting at {@code from}; the caller checked they are hex. */
    static long number(CharSequence text, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            value = value << 4 | value(text.charAt(i));
        }
        return value;
    }

    /** Appends {@code value} as exactly {@code digits} uppercase hex digits. */
    static void append(StringBuilder out, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(DIGITS[(int) (value >>> shift) & 0xF]);
        }
    }
}
