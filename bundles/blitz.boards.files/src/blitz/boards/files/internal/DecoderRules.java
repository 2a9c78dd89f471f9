// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import blitz.boards.FieldLayoutDecoder;
import blitz.boards.files.BoardFile;
import blitz.boards.files.BoardFixture;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.MessageDecodingException;
import blitz.model.message.BoardMessage;

/**
 * The decoder conformance rules a command line can run without JUnit, over a board file's fixtures:
 * recorded values, payloads cut short refused (or decoded the same), extra payload bits ignored.
 * The full kit ({@code tests/blitz.decoder.conformance}) runs these and more in the build.
 */
public final class DecoderRules {
    private static final int[] EXTRA_BITS = { 1, 8, 13, 64 };

    private DecoderRules() {
    }

    /** @return the broken rules, each naming the fixture; empty when the file passes */
    public static List<String> check(BoardFile board) {
        List<String> problems = new ArrayList<>();
        if (board.fixtures().isEmpty()) {
            problems.add(board.origin() + ": no fixtures: record at least one line with its values");
        }
        Random random = new Random(board.decoder().boardId());
        for (BoardFixture fixture : board.fixtures()) {
            FixtureCheck.mismatches(board.decoder(), fixture).forEach(m -> problems.add(fixture.origin() + ": " + m));
            checkCutAndExtended(board.decoder(), fixture, random, problems);
        }
        return problems;
    }

    private static void checkCutAndExtended(FieldLayoutDecoder decoder, BoardFixture fixture, Random random,
            List<String> problems) {
        BoardMessage whole = fixture.message();
        List<DecodedValue> expected = decodeOrNull(decoder, whole);
        if (expected == null) {
            return;
        }
        for (int bits = whole.payloadBits() - 1; bits >= 0; bits--) {
            List<DecodedValue> cut = decodeOrNull(decoder, withPayloadBits(whole, bits, random));
            if (cut != null && !cut.equals(expected)) {
                problems.add(fixture.origin() + ": cut to " + bits + " payload bits it decodes to other values instead of being refused");
            }
        }
        for (int extra : EXTRA_BITS) {
            if (!expected.equals(decodeOrNull(decoder, withPayloadBits(whole, whole.payloadBits() + extra, random)))) {
                problems.add(fixture.origin() + ": " + extra + " extra payload bits change the values");
            }
        }
    }

    private static List<DecodedValue> decodeOrNull(FieldLayoutDecoder decoder, BoardMessage message) {
        try {
            return List.copyOf(decoder.decode(message));
        } catch (MessageDecodingException e) {
            return null;
        }
    }

    /** @return the message with its payload cut or extended (random bits) to {@code bits} */
    private static BoardMessage withPayloadBits(BoardMessage message, int bits, Random random) {
        byte[] original = message.payload();
        byte[] payload = new byte[(bits + 7) / 8];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = i < original.length ? original[i] : (byte) random.nextInt(256);
        }
        if (bits % 8 != 0) {
            payload[payload.length - 1] &= (byte) (0xFF << (8 - bits % 8));
        }
        return new BoardMessage(message.sender(), message.type(), message.flagBits(), message.timestamp(), payload, bits);
    }
}
