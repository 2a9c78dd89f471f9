// SPDX-License-Identifier: EPL-2.0
package blitz.boards;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

import blitz.model.decoder.VariableSpec;
import blitz.model.message.BoardMessage;

/** The {@link BitField} implementations behind its factories. */
final class Fields {
    private Fields() {
    }

    /** @return the bits as a number: two's complement when signed, else unsigned (also for 64 bits) */
    private static double number(BoardMessage message, int bitOffset, int bitLength, boolean signed) {
        long raw = message.unsigned(bitOffset, bitLength);
        if (signed) {
            int unused = Long.SIZE - bitLength;
            return (raw << unused) >> unused;
        }
        // a 64-bit read with the top bit set is negative as a long
        return raw >= 0 ? raw : (raw >>> 1) * 2.0 + (raw & 1);
    }

    private static void checkBits(VariableSpec variable, int bitOffset, int bitLength) {
        Objects.requireNonNull(variable, "variable");
        if (bitOffset < 0 || bitLength < 1 || bitLength > 64) {
            throw new IllegalArgumentException(variable.name() + ": needs offset >= 0 and 1..64 bits");
        }
    }

    /** A number of 1..64 bits, read as unsigned or as two's complement, then scaled: {@code (raw - zero) / divisor}. */
    record Numeric(VariableSpec variable, int bitOffset, int bitLength, boolean signed, double zero, double divisor)
            implements BitField {
        Numeric {
            checkBits(variable, bitOffset, bitLength);
            if (divisor == 0 || !Double.isFinite(divisor) || !Double.isFinite(zero)) {
                throw new IllegalArgumentException(variable.name() + ": zero and divisor must be finite, divisor non-zero");
            }
        }

        @Override
        public int payloadBitsNeeded() {
            return bitOffset + bitLength;
        }

        @Override
        public double read(BoardMessage message) {
            double value = number(message, bitOffset, bitLength, signed);
            return zero == 0 && divisor == 1 ? value : (value - zero) / divisor;
        }
    }

    record Converted(VariableSpec variable, int bitOffset, int bitLength, boolean signed, DoubleUnaryOperator conversion)
            implements BitField {
        Converted {
            checkBits(variable, bitOffset, bitLength);
            Objects.requireNonNull(conversion, "conversion");
        }

        @Override
        public int payloadBitsNeeded() {
            return bitOffset + bitLength;
        }

        @Override
        public double read(BoardMessage message) {
            return conversion.applyAsDouble(number(message, bitOffset, bitLength, signed));
        }
    }

    record Flag(VariableSpec variable, int flagIndex) implements BitField {
        Flag {
            Objects.requireNonNull(variable, "variable");
            Objects.checkIndex(flagIndex, BoardMessage.FLAG_COUNT);
        }

        @Override
        public int payloadBitsNeeded() {
            return 0;
        }

        @Override
        public double read(BoardMessage message) {
            return message.flag(flagIndex) ? 1 : 0;
        }
    }
}
