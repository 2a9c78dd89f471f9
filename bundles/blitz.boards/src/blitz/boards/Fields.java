// SPDX-License-Identifier: EPL-2.0
package blitz.boards;

import java.util.Objects;

import blitz.model.decoder.VariableSpec;
import blitz.model.message.BoardMessage;

/** The {@link BitField} implementations behind its factories. */
final class Fields {
    private Fields() {
    }

    /** A number of 1..64 bits, read as unsigned or as two's complement, then scaled: {@code (raw - zero) / divisor}. */
    record Numeric(VariableSpec variable, int bitOffset, int bitLength, boolean signed, double zero, double divisor)
            implements BitField {
        Numeric {
            Objects.requireNonNull(variable, "variable");
            if (bitOffset < 0 || bitLength < 1 || bitLength > 64) {
                throw new IllegalArgumentException(variable.name() + ": needs offset >= 0 and 1..64 bits");
            }
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
            double value = signed ? signExtend(raw) : raw >= 0 ? raw : unsignedToDouble(raw);
            return zero == 0 && divisor == 1 ? value : (value - zero) / divisor;
        }

        /** Copies the field's top bit into the bits above it, so a set top bit makes the value negative. */
        private long signExtend(long raw) {
            int unused = Long.SIZE - bitLength;
            return (raw << unused) >> unused;
        }

        /** A 64-bit read with the top bit set is negative as a long; this reads it as unsigned. */
        private static double unsignedToDouble(long raw) {
            return (raw >>> 1) * 2.0 + (raw & 1);
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
