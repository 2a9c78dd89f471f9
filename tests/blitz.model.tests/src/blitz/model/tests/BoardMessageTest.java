// SPDX-License-Identifier: EPL-2.0
package blitz.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import blitz.model.message.BoardMessage;
import blitz.model.message.MessageType;

class BoardMessageTest {

    private static BoardMessage withPayload(int... bytes) {
        byte[] payload = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            payload[i] = (byte) bytes[i];
        }
        return new BoardMessage(8, MessageType.DATA, 0b10101, 1000, payload, bytes.length * 8);
    }

    @Test
    void readsUnsignedNumbersMostSignificantBitFirst() {
        BoardMessage message = withPayload(0x7f, 0xf8, 0x01, 0x00, 0xff, 0xf0, 0x00, 0x00);
        assertEquals(2047, message.unsigned(0, 12));
        assertEquals(2049, message.unsigned(12, 12));
        assertEquals(15, message.unsigned(24, 12));
        assertEquals(4080, message.unsigned(36, 12));
        assertEquals(0, message.unsigned(48, 12));
    }

    @Test
    void readsAllSixtyFourBits() {
        BoardMessage message = withPayload(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe);
        assertEquals(0xffff_ffff_ffff_fffeL, message.unsigned(0, 64));
    }

    @Test
    void refusesBitsOutsideThePayload() {
        BoardMessage message = withPayload(0, 0, 0, 0, 0, 0, 0, 0);
        assertThrows(IndexOutOfBoundsException.class, () -> message.unsigned(60, 8));
        assertThrows(IllegalArgumentException.class, () -> message.unsigned(0, 65));
    }

    @Test
    void flagsCountFromTheBitAfterTheType() {
        BoardMessage message = withPayload(0, 0, 0, 0, 0, 0, 0, 0);
        assertTrue(message.flag(0));
        assertFalse(message.flag(1));
        assertTrue(message.flag(2));
        assertFalse(message.flag(3));
        assertTrue(message.flag(4));
        assertThrows(IndexOutOfBoundsException.class, () -> message.flag(5));
        assertEquals(0xB5, message.metaByte());
    }

    @Test
    void refusesOutOfRangeHeaderFields() {
        assertThrows(IllegalArgumentException.class,
                () -> new BoardMessage(256, MessageType.DATA, 0, 0, new byte[8], 64));
        assertThrows(IllegalArgumentException.class,
                () -> new BoardMessage(1, MessageType.DATA, 0, 1L << 32, new byte[8], 64));
        assertThrows(IllegalArgumentException.class,
                () -> new BoardMessage(1, MessageType.DATA, 32, 0, new byte[8], 64));
    }
}
