// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import blitz.boards.BitField;
import blitz.codec.BoardMessageCodec;
import blitz.model.message.BoardMessage;

/** Signed fields read two's complement numbers; unsigned ones keep reading the same bits as counts. */
class SignedFieldTest {

    /** Board 8, DATA, payload {@code FFF800 7FF 0000000}: 12-bit fields -1, -2048, 0, 2047 when signed. */
    private static final BoardMessage MESSAGE = message("08a0000003e8fff8000007ff000000");

    private static BoardMessage message(String line) {
        return assertDoesNotThrow(() -> BoardMessageCodec.standard().parse(line));
    }

    @Test
    void aSetTopBitMakesASignedFieldNegative() {
        assertEquals(-1, BitField.signed("a", 0, 12).read(MESSAGE));
        assertEquals(-2048, BitField.signed("b", 12, 12).read(MESSAGE));
        assertEquals(0, BitField.signed("c", 24, 12).read(MESSAGE));
        assertEquals(2047, BitField.signed("d", 36, 12).read(MESSAGE));
    }

    @Test
    void theSameBitsReadUnsignedAreCounts() {
        assertEquals(4095, BitField.unsigned("a", 0, 12).read(MESSAGE));
        assertEquals(2048, BitField.unsigned("b", 12, 12).read(MESSAGE));
    }

    @Test
    void signedScaledAppliesZeroAndDivisorToTheSignedValue() {
        BitField temperature = BitField.signedScaled("temperature", "degC", 12, 12, 0, 16);
        assertEquals(-128.0, temperature.read(MESSAGE));
        assertEquals("degC", temperature.variable().unit());
        assertEquals(24, temperature.payloadBitsNeeded());
    }

    @Test
    void oneBitAndSixtyFourBitSignedFieldsAreTwosComplement() {
        BoardMessage allOnes = message("08a0000003e8ffffffffffffffff");
        assertEquals(-1, BitField.signed("bit", 0, 1).read(allOnes));
        assertEquals(-1, BitField.signed("long", 0, 64).read(allOnes));
        assertEquals(18446744073709551615.0, BitField.unsigned("long", 0, 64).read(allOnes));
    }

    @Test
    void aSignedFieldRefusesABadLength() {
        assertThrows(IllegalArgumentException.class, () -> BitField.signed("x", 0, 65));
        assertThrows(IllegalArgumentException.class, () -> BitField.signedScaled("x", "", 0, 8, 0, 0));
    }
}
