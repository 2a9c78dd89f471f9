// SPDX-License-Identifier: EPL-2.0
package blitz.codec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import blitz.codec.BoardMessageCodec;
import blitz.codec.NumberedMessages;
import blitz.model.decoder.MessageDecodingException;
import blitz.model.message.BoardMessage;
import blitz.model.message.MessageType;

class NumberedMessagesTest {
    private final BoardMessageCodec codec = BoardMessageCodec.standard();

    @Test
    void aNumberedLineCarriesTheSequenceBeforeTheOrdinaryPayload() throws Exception {
        BoardMessage ordinary = codec.parse("08A0000003E87FF80100FFF00000");
        // type 7, no flags: meta E0; sequence 0x0000002A; then the ordinary payload
        BoardMessage numbered = codec.parse("08E0000003E8" + "0000002A" + "7FF80100FFF00000");
        assertTrue(NumberedMessages.isNumbered(numbered));
        assertFalse(NumberedMessages.isNumbered(ordinary));
        assertEquals(42, NumberedMessages.sequence(numbered));
        assertEquals(ordinary, NumberedMessages.inner(numbered));
        assertEquals(numbered, NumberedMessages.number(ordinary, 42));
        assertEquals("08E0000003E80000002A7FF80100FFF00000", codec.encode(NumberedMessages.number(ordinary, 42)));
    }

    @Test
    void keepsSenderFlagsAndTimestampAndOddPayloadLengths() throws Exception {
        BoardMessage ordinary = new BoardMessage(200, MessageType.DATA, 0b10011, 0xFFFF_FFFFL,
                new byte[] { 1, 2, 3, 4, 5, 6, 7, (byte) 0x80 }, 61);
        BoardMessage numbered = NumberedMessages.number(ordinary, 0xFFFF_FFFFL);
        assertEquals(MessageType.EXTENDED, numbered.type());
        assertEquals(93, numbered.payloadBits());
        assertEquals(0xFFFF_FFFFL, NumberedMessages.sequence(numbered));
        BoardMessage inner = NumberedMessages.inner(numbered);
        assertEquals(ordinary, inner);
        assertEquals(0b10011, inner.flagBits());
    }

    @Test
    void refusesWhatIsNotNumbered() throws Exception {
        BoardMessage ordinary = codec.parse("08A0000003E87FF80100FFF00000");
        assertThrows(MessageDecodingException.class, () -> NumberedMessages.sequence(ordinary));
        assertThrows(MessageDecodingException.class, () -> NumberedMessages.inner(ordinary));
        BoardMessage tooShort = new BoardMessage(8, MessageType.EXTENDED, 0, 0, new byte[3], 24);
        assertThrows(MessageDecodingException.class, () -> NumberedMessages.inner(tooShort));
        assertThrows(IllegalArgumentException.class, () -> NumberedMessages.number(ordinary, 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> NumberedMessages.number(ordinary, -1));
    }
}
