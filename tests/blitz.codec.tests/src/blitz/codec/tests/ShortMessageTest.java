// SPDX-License-Identifier: EPL-2.0
package blitz.codec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import blitz.codec.BoardCommand;
import blitz.codec.MalformedLineException;
import blitz.codec.ShortCode;
import blitz.codec.ShortMessage;

class ShortMessageTest {

    @Test
    void parsesTheOriginalsShortMessages() throws Exception {
        assertEquals(ShortMessage.of(8, ShortCode.ACK), ShortMessage.parse("0840"));
        assertEquals(ShortMessage.of(8, ShortCode.ID_REPLY), ShortMessage.parse("0882"));
        assertEquals(ShortMessage.of(8, ShortCode.TRANSMIT), ShortMessage.parse("08c0"));
        assertTrue(ShortMessage.parse("0a40").is(ShortCode.ACK));
        assertEquals(10, ShortMessage.parse("0A40").boardId());
    }

    @Test
    void encodesInUppercase() {
        assertEquals("08C0", ShortMessage.of(8, ShortCode.TRANSMIT).encode());
        assertEquals("0081", ShortMessage.of(0, ShortCode.ID_REQUEST).encode());
        assertEquals("FF20", ShortMessage.of(255, ShortCode.STOP).encode());
    }

    @Test
    void namesTheKnownCodes() {
        int[][] expected = { { 0x00, 0 }, { 0x20, 0 }, { 0x40, 0 }, { 0xC0, 0 }, { 0x81, 0 }, { 0x82, 0 }, { 0x83, 0 }, { 0x85, 0 },
                { 0x86, 0 }, { 0x87, 0 }, { 0x88, 0 }, { 0x61, 1 }, { 0x62, 1 }, { 0x63, 1 }, { 0x64, 1 }, { 0x65, 1 }, { 0x66, 1 } };
        for (int[] code : expected) {
            Optional<ShortCode> known = ShortCode.of(code[0]);
            assertTrue(known.isPresent(), Integer.toHexString(code[0]));
            assertEquals(code[1] == 1, known.get().isError(), known.get().name());
        }
        assertEquals(expected.length, ShortCode.values().length);
        assertEquals(ShortCode.ERROR_SERIAL_BUFFER_FULL, ShortCode.of(0x62).orElseThrow());
        assertEquals(ShortCode.Direction.BOTH, ShortCode.ACK.direction());
        assertFalse(ShortCode.of(0x99).isPresent());
        assertFalse(ShortCode.of(-1).isPresent());
    }

    @Test
    void keepsUnknownCodes() throws Exception {
        ShortMessage unknown = ShortMessage.parse("0899");
        assertEquals(0x99, unknown.code());
        assertFalse(unknown.knownCode().isPresent());
        assertFalse(unknown.isError());
        assertTrue(ShortMessage.parse("0866").isError());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "084", "08400", "08G0", "08 0", "NACK" })
    void refusesLinesThatAreNotShortMessages(String line) {
        assertThrows(MalformedLineException.class, () -> ShortMessage.parse(line));
    }

    @Test
    void padsLongCommandsLikeTheOriginal() {
        assertEquals("0988", BoardCommand.pad("0988"));
        assertEquals("0988", BoardCommand.format(9, "88"));
        assertEquals("08C0", BoardCommand.format(8, "C0"));
        String move = BoardCommand.format(9, "850000000000" + "14");
        assertEquals("098500000000001400000000000", move);
        assertEquals(BoardCommand.PADDED_LENGTH, move.length());
        assertEquals("09850" + "0".repeat(22), BoardCommand.pad("09850"));
        String already = "0".repeat(30);
        assertEquals(already, BoardCommand.pad(already));
        assertThrows(IllegalArgumentException.class, () -> BoardCommand.format(256, "C0"));
        assertThrows(IllegalArgumentException.class, () -> BoardCommand.format(8, "XY"));
        assertThrows(IllegalArgumentException.class, () -> BoardCommand.format(8, ""));
    }
}
