// SPDX-License-Identifier: EPL-2.0
package blitz.boards;

import java.util.function.DoubleUnaryOperator;

import blitz.model.decoder.VariableSpec;
import blitz.model.message.BoardMessage;

/**
 * One variable of a board's message layout: where its bits are and how they become a value. Build
 * them with the factories; a {@link FieldLayoutDecoder} reads a list of them. Implementations are
 * immutable.
 */
@org.osgi.annotation.versioning.ProviderType
public interface BitField {

    /** @return the variable this field produces */
    VariableSpec variable();

    /** @return how many payload bits a message needs for this field to be read (0 for a flag) */
    int payloadBitsNeeded();

    /**
     * @param message a message whose payload has at least {@link #payloadBitsNeeded()} bits
     * @return the raw value
     */
    double read(BoardMessage message);

    /** An unsigned number of {@code bitLength} (1..64) bits at {@code bitOffset}, unit {@code ""} (a raw count). */
    static BitField unsigned(String name, int bitOffset, int bitLength) {
        return new Fields.Numeric(new VariableSpec(name, ""), bitOffset, bitLength, false, 0, 1);
    }

    /** One payload bit as 0 or 1. */
    static BitField bit(String name, int bitOffset) {
        return unsigned(name, bitOffset, 1);
    }

    /**
     * A header flag as 0 or 1.
     *
     * @param flagIndex 0..4, as {@link BoardMessage#flag(int)} (0 is the flag right after the type bits)
     */
    static BitField flag(String name, int flagIndex) {
        return new Fields.Flag(new VariableSpec(name, ""), flagIndex);
    }

    /**
     * An unsigned number turned into a physical value: {@code (raw - zero) / divisor}.
     *
     * @param divisor non-zero
     */
    static BitField scaled(String name, String unit, int bitOffset, int bitLength, double zero, double divisor) {
        return new Fields.Numeric(new VariableSpec(name, unit), bitOffset, bitLength, false, zero, divisor);
    }

    /**
     * A signed (two's complement) number of {@code bitLength} (1..64) bits at {@code bitOffset}, unit
     * {@code ""}: a set top bit makes it negative, so 12 bits {@code FFF} read as -1.
     */
    static BitField signed(String name, int bitOffset, int bitLength) {
        return new Fields.Numeric(new VariableSpec(name, ""), bitOffset, bitLength, true, 0, 1);
    }

    /**
     * A signed (two's complement) number turned into a physical value: {@code (raw - zero) / divisor}.
     *
     * @param divisor non-zero
     */
    static BitField signedScaled(String name, String unit, int bitOffset, int bitLength, double zero, double divisor) {
        return new Fields.Numeric(new VariableSpec(name, unit), bitOffset, bitLength, true, zero, divisor);
    }

    /**
     * A number of {@code bitLength} (1..64) bits at {@code bitOffset}, read as unsigned or as two's
     * complement, then turned into a physical value by {@code conversion} (a pure function).
     *
     * @since 1.1
     */
    static BitField converted(VariableSpec variable, int bitOffset, int bitLength, boolean signed,
            DoubleUnaryOperator conversion) {
        return new Fields.Converted(variable, bitOffset, bitLength, signed, conversion);
    }
}
