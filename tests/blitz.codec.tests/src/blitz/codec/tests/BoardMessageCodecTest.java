// SPDX-License-Identifier: EPL-2.0
package blitz.codec.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import blitz.codec.BoardMessageCodec;
import blitz.codec.MalformedLineException;
import blitz.codec.MalformedLineException.Reason;
import blitz.model.message.BoardMessage;
import blitz.model.message.MessageType;

class BoardMessageCodecTest {
    private final BoardMessageCodec codec = BoardMessageCodec.standard();

    private static boolean[] flags(BoardMessage message) {
        boolean[] flags = new boolean[BoardMessage.FLAG_COUNT];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = message.flag(i);
        }
        return flags;
    }

    @Test
    void parsesTheOriginalsFirstWorkedExample() throws Exception {
        BoardMessage message = codec.parse("057500005555cccccccc00000000");
        assertEquals(5, message.sender());
        assertEquals(MessageType.ERROR, message.type());
        assertArrayEquals(new boolean[] { true, false, true, false, true }, flags(message));
        assertEquals(21845, message.timestamp());
        assertEquals(64, message.payloadBits());
        long[] adc = new long[5];
        for (int i = 0; i < adc.length; i++) {
            adc[i] = message.unsigned(i * 12, 12);
        }
        assertArrayEquals(new long[] { 3276, 3276, 3264, 0, 0 }, adc);
    }

    @Test
    void parsesTheOriginalsMockBoardExample() throws Exception {
        BoardMessage message = codec.parse("e32800002f19572076ac00000000");
        assertEquals(0xe3, message.sender());
        assertEquals(MessageType.STOP, message.type());
        assertArrayEquals(new boolean[] { false, true, false, false, false }, flags(message));
        assertEquals(12057, message.timestamp());
        assertEquals(22304, message.unsigned(0, 16));
        assertEquals(30380, message.unsigned(16, 16));
    }

    @Test
    void aLongMessageParsesLikeItsFirst28Characters() throws Exception {
        BoardMessage plain = codec.parse("e32800002f19572076ac00000000");
        BoardMessage longer = codec.parse("e32800002f19572076ac00000000FAFAFA");
        assertEquals(88, longer.payloadBits());
        assertEquals(plain.sender(), longer.sender());
        assertEquals(plain.metaByte(), longer.metaByte());
        assertEquals(plain.timestamp(), longer.timestamp());
        assertEquals(plain.unsigned(0, 64), longer.unsigned(0, 64));
        assertEquals(0xFAFAFA, longer.unsigned(64, 24));
    }

    @Test
    void upperAndLowerCaseAreTheSame() throws Exception {
        assertEquals(codec.parse("08a0000003e87ff80100fff00000"), codec.parse("08A0000003E87FF80100FFF00000"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "cc", "0840", "08a0000003e87ff80100fff0000" })
    void refusesShortLines(String line) {
        assertEquals(Reason.TOO_SHORT, assertThrows(MalformedLineException.class, () -> codec.parse(line)).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = { "08a0000003e87ff80100fff0000g", " 8a0000003e87ff80100fff00000", "08a0000003e87ff80100fff00000\r",
            "08a0000003e87ff8-100fff00000", "ÿ8a0000003e87ff80100fff00000" })
    void refusesCharactersThatAreNotHex(String line) {
        assertEquals(Reason.NOT_HEX, assertThrows(MalformedLineException.class, () -> codec.parse(line)).reason());
    }

    @Test
    void refusesLinesLongerThanTheMaximum() throws Exception {
        String longest = "08A00000000A" + "F".repeat(BoardMessageCodec.DEFAULT_MAX_HEX_LENGTH - 12);
        assertEquals((BoardMessageCodec.DEFAULT_MAX_HEX_LENGTH - 12) * 4, codec.parse(longest).payloadBits());
        MalformedLineException tooLong = assertThrows(MalformedLineException.class, () -> codec.parse(longest + "0"));
        assertEquals(Reason.TOO_LONG, tooLong.reason());
        assertEquals(true, tooLong.getMessage().length() < 200, "the error must not repeat the whole line");

        BoardMessageCodec small = new BoardMessageCodec(32);
        small.parse("08A0000003E87FF80100FFF000001234");
        assertThrows(MalformedLineException.class, () -> small.parse("08A0000003E87FF80100FFF0000012345"));
        assertThrows(IllegalArgumentException.class, () -> new BoardMessageCodec(27));
    }

    @Test
    void keepsEveryBitOfAVeryLongPayload() throws Exception {
        StringBuilder line = new StringBuilder("08A000000001");
        for (int i = 0; i < 1000; i++) {
            line.append(Integer.toHexString(i % 16));
        }
        BoardMessage message = codec.parse(line);
        assertEquals(4000, message.payloadBits());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i % 16, message.unsigned(i * 4, 4));
        }
        assertEquals(line.toString().toUpperCase(), codec.encode(message));
    }

    @Test
    void encodesAsTheFirmwareDoesInUppercase() throws Exception {
        assertEquals("08A0000003E87FF80100FFF00000", codec.encode(codec.parse("08a0000003e87ff80100fff00000")));
        BoardMessage odd = new BoardMessage(1, MessageType.DATA, 0, 0, new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF }, 66);
        assertEquals("01A0" + "0".repeat(8 + 16) + "C", codec.encode(odd), "66 bits are padded with zeros to 17 digits");
        assertThrows(IllegalArgumentException.class,
                () -> codec.encode(new BoardMessage(1, MessageType.DATA, 0, 0, new byte[7], 56)));
    }

    @Test
    void randomMessagesSurviveAnEncodeParseRoundTrip() throws Exception {
        Random random = new Random(42);
        for (int n = 0; n < 5_000; n++) {
            int digits = 16 + random.nextInt(200);
            byte[] payload = new byte[(digits + 1) / 2];
            random.nextBytes(payload);
            if (digits % 2 == 1) {
                payload[payload.length - 1] &= (byte) 0xF0;
            }
            BoardMessage message = new BoardMessage(random.nextInt(256), MessageType.ofCode(random.nextInt(8)),
                    random.nextInt(32), random.nextLong() & 0xFFFF_FFFFL, payload, digits * 4);
            String line = codec.encode(message);
            assertEquals(12 + digits, line.length());
            assertEquals(message, codec.parse(line), line);
            assertEquals(line, codec.encode(codec.parse(line.toLowerCase())));
        }
    }

    @Test
    void aParsedMessageReadsItsLineInPlaceAsTheSameBitsAsItsBytes() throws Exception {
        Random random = new Random(7);
        for (int n = 0; n < 200; n++) {
            int digits = 16 + random.nextInt(21); // odd counts too: the last byte's low half stays zero
            StringBuilder line = new StringBuilder("08A000000001");
            for (int i = 0; i < digits; i++) {
                line.append(Character.forDigit(random.nextInt(16), 16));
            }
            BoardMessage parsed = codec.parse(line.toString());
            BoardMessage bytes = new BoardMessage(8, MessageType.DATA, 0, 1, parsed.payload(), digits * 4);
            assertEquals((digits + 1) / 2, parsed.payload().length);
            assertEquals(bytes, parsed);
            assertEquals(bytes.hashCode(), parsed.hashCode());
            for (int offset = 0; offset < digits * 4; offset++) {
                for (int length = 1; length <= Math.min(64, digits * 4 - offset); length++) {
                    assertEquals(bytes.unsigned(offset, length), parsed.unsigned(offset, length), line + " " + offset + "+" + length);
                }
            }
            assertThrows(IndexOutOfBoundsException.class, () -> parsed.unsigned(digits * 4 - 3, 4));
        }
        assertEquals(0x07F0_000F, BoardMessage.ofHexPayload(1, MessageType.DATA, 0, 0, "xx07f0000F", 2).unsigned(0, 32));
        assertThrows(IllegalArgumentException.class, () -> BoardMessage.ofHexPayload(1, MessageType.DATA, 0, 0, "07f0g00F", 0));
    }

    @Test
    void theRestOfAPayloadFromAnyBitIsTheSameFromTheLineAsFromItsBytes() throws Exception {
        BoardMessage parsed = codec.parse("09B00000002A" + "C0FFEE0123456789abcdef5");
        BoardMessage bytes = new BoardMessage(9, parsed.type(), parsed.flagBits(), 42, parsed.payload(), parsed.payloadBits());
        for (int from = 0; from <= parsed.payloadBits(); from++) {
            BoardMessage rest = parsed.payloadFrom(from, MessageType.DATA);
            assertEquals(bytes.payloadFrom(from, MessageType.DATA), rest, "from bit " + from);
            assertEquals(MessageType.DATA, rest.type());
            assertEquals(parsed.flagBits(), rest.flagBits());
            assertEquals(parsed.payloadBits() - from, rest.payloadBits());
            for (int bit = 0; bit < rest.payloadBits(); bit++) {
                assertEquals(parsed.bit(from + bit), rest.bit(bit), "from bit " + from + ", bit " + bit);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> parsed.payloadFrom(parsed.payloadBits() + 1, MessageType.DATA));
    }
}
