// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import blitz.boards.BitField;
import blitz.boards.FieldLayoutDecoder;
import blitz.decoder.conformance.DecoderConformanceChecks;
import blitz.decoder.conformance.DecoderFixture;
import blitz.decoder.conformance.DecoderFixtures;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.MessageDecodingException;
import blitz.model.decoder.VariableSpec;
import blitz.model.message.BoardMessage;
import blitz.model.message.MessageType;

/** The kit must catch decoders that break the contract, or it proves nothing. */
class ConformanceKitTest {
    private static final List<BitField> LAYOUT = List.of(BitField.unsigned("a", 0, 12), BitField.unsigned("b", 12, 12));

    private static DecoderFixture fixture(String text) throws IOException {
        return DecoderFixtures.parse("inline", new StringReader(text)).get(0);
    }

    /** A correct decoder of board 8's first two channels, to be broken in one way per test. */
    private static class TwoChannels extends FieldLayoutDecoder {
        TwoChannels() {
            super(8, "Two channels", LAYOUT);
        }
    }

    @Test
    void aCorrectDecoderPassesEveryCheck() throws Exception {
        BoardDecoder decoder = new TwoChannels();
        DecoderFixture fixture = fixture("08a0000003e87ff80100fff00000 => a=2047 b=2049");
        DecoderConformanceChecks.checkConstants(decoder);
        DecoderConformanceChecks.checkFixture(decoder, fixture);
        DecoderConformanceChecks.checkShortPayloads(decoder, fixture, true);
        DecoderConformanceChecks.checkExtraBitsIgnored(decoder, fixture, new Random(1));
        DecoderConformanceChecks.checkConcurrentDecoding(decoder, List.of(fixture), 4, 1000);
        DecoderConformanceChecks.checkRandomMessages(decoder, 1, 2000);
    }

    @Test
    void catchesAWrongRecordedValue() throws Exception {
        DecoderFixture wrong = fixture("08a0000003e87ff80100fff00000 => a=2047 b=2049.000001");
        assertThrows(AssertionError.class, () -> DecoderConformanceChecks.checkFixture(new TwoChannels(), wrong));
        DecoderFixture missing = fixture("08a0000003e87ff80100fff00000 => c=1");
        assertThrows(AssertionError.class, () -> DecoderConformanceChecks.checkFixture(new TwoChannels(), missing));
    }

    @Test
    void catchesAnExceptionOtherThanMessageDecodingException() throws Exception {
        BoardDecoder unchecked = new TwoChannels() {
            @Override
            public List<DecodedValue> decode(BoardMessage message) {
                return List.of(new DecodedValue("a", message.unsigned(0, 12), ""), new DecodedValue("b", message.unsigned(12, 12), ""));
            }
        };
        DecoderFixture fixture = fixture("08a0000003e87ff80100fff00000 => a=2047");
        assertThrows(AssertionError.class, () -> DecoderConformanceChecks.checkShortPayloads(unchecked, fixture, true));
        assertThrows(AssertionError.class, () -> DecoderConformanceChecks.checkRandomMessages(unchecked, 1, 2000));
    }

    @Test
    void catchesADecoderThatReadsThePayloadLength() throws Exception {
        BoardDecoder lengthDependent = new TwoChannels() {
            @Override
            public List<DecodedValue> decode(BoardMessage message) throws MessageDecodingException {
                List<DecodedValue> values = new ArrayList<>(super.decode(message));
                values.set(1, new DecodedValue("b", message.payloadBits(), ""));
                return values;
            }
        };
        DecoderFixture fixture = fixture("08a0000003e87ff80100fff00000 => a=2047");
        assertThrows(AssertionError.class,
                () -> DecoderConformanceChecks.checkExtraBitsIgnored(lengthDependent, fixture, new Random(1)));
    }

    @Test
    void catchesValuesThatBreakTheListedVariables() throws Exception {
        BoardDecoder decoder = new TwoChannels();
        assertThrows(AssertionError.class, () -> DecoderConformanceChecks.checkValues(decoder,
                List.of(new DecodedValue("b", 1, ""), new DecodedValue("a", 1, "")), "out of order"));
        assertThrows(AssertionError.class, () -> DecoderConformanceChecks.checkValues(decoder,
                List.of(new DecodedValue("a", 1, ""), new DecodedValue("a", 1, "")), "twice"));
        assertThrows(AssertionError.class, () -> DecoderConformanceChecks.checkValues(decoder,
                List.of(new DecodedValue("z", 1, "")), "not listed"));
        assertThrows(AssertionError.class, () -> DecoderConformanceChecks.checkValues(decoder,
                List.of(new DecodedValue("a", Double.NaN, "")), "not finite"));
        assertThrows(AssertionError.class, () -> DecoderConformanceChecks.checkValues(decoder,
                List.of(new DecodedValue("a", 1, "V")), "wrong unit"));
        DecoderConformanceChecks.checkValues(decoder, List.of(new DecodedValue("b", 1, "")), "a subset in order is fine");
    }

    @Test
    void catchesChangingConstants() {
        assertThrows(AssertionError.class, () -> DecoderConformanceChecks.checkConstants(new HandWrittenDecoder(8) {
            private int calls;

            @Override
            public String description() {
                return "Drifting " + calls++;
            }
        }));
        assertThrows(AssertionError.class, () -> DecoderConformanceChecks.checkConstants(new HandWrittenDecoder(8) {
            private final List<VariableSpec> shared = new ArrayList<>(List.of(new VariableSpec("a", "")));

            @Override
            public List<VariableSpec> variables() {
                return shared;
            }
        }));
        DecoderConformanceChecks.checkConstants(new HandWrittenDecoder(8));
    }

    @Test
    void fixtureFilesReportTheirBadLines() throws Exception {
        assertEquals(List.of(), DecoderFixtures.parse("empty", new StringReader("# nothing\n\n   \n")));
        DecoderFixture withComment = fixture("08A0000003E87FF80100FFF00000 => a=2047 # first channel\n");
        assertEquals(1, withComment.expected().size());
        assertEquals(MessageType.DATA, withComment.message().type());
        assertEquals("inline:1", withComment.origin());
        for (String bad : new String[] { "08A0000003E87FF80100FFF00000 a=1", "08A0 => a=1", "08A0000003E87FF80100FFF00000 => a",
                "08A0000003E87FF80100FFF00000 => a=x", "08A0000003E87FF80100FFF00000 => a=1 a=2" }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DecoderFixtures.parse("f.txt", new StringReader("# header\n" + bad)), bad);
            assertTrue(e.getMessage().startsWith("f.txt:2"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> DecoderFixtures.load(getClass(), "fixtures/missing.txt"));
    }
}
