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

    private static void checkBits(VariableSpec variable, int bitOffset, int bitLength) {
        Objects.requireNonNull(variable, "variable");
        if (bitOffset < 0 || bitLength < 1 || bitLength > 64) {
            throw new IllegalArgumentException(variable.name() + ": needs offset >= 0 and 1..64 bits");
        }
    }

    record Unsigned(VariableSpec variable, int bitOffset, int bitLength, double zero, double divisor) implements BitField {
        Unsigned {
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
            long raw = message.unsigned(bitOffset, bitLength);
            double value = raw >= 0 ? raw : unsignedToDouble(raw);
            return zero == 0 && divisor == 1 ? value : (value - zero) / divisor;
        }

        /** A 64-bit read with the top bit set is negative as a long; this reads it as unsigned. */
        private static double unsignedToDouble(long raw) {
            return (raw >>> 1) * 2.0 + (raw & 1);
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
            long raw = message.unsigned(bitOffset, bitLength);
            double value;
            if (signed) {
                int unused = Long.SIZE - bitLength;
                value = (raw << unused) >> unused;
            } else {
                value = raw >= 0 ? raw : Unsigned.unsignedToDouble(raw);
            }
            return conversion.applyAsDouble(value);
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
