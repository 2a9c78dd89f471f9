// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import blitz.boards.files.BoardFixture;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.MessageDecodingException;

/** Decodes a fixture's line and compares it with its recorded values (within the conformance kit's 1e-9). */
public final class FixtureCheck {
    /** As the decoder conformance kit's tolerance. */
    public static final double TOLERANCE = 1e-9;

    private FixtureCheck() {
    }

    /** @return what differs, empty when the fixture decodes as recorded */
    public static List<String> mismatches(BoardDecoder decoder, BoardFixture fixture) {
        Map<String, Double> decoded = new HashMap<>();
        try {
            for (DecodedValue value : decoder.decode(fixture.message())) {
                decoded.put(value.name(), value.value());
            }
        } catch (MessageDecodingException e) {
            return List.of("the line is refused: " + e.getMessage());
        }
        List<String> mismatches = new ArrayList<>();
        fixture.expected().forEach((name, expected) -> {
            Double actual = decoded.get(name);
            if (actual == null || !(Math.abs(actual - expected) <= TOLERANCE)) {
                mismatches.add(name + " is " + actual + ", recorded " + expected);
            }
        });
        return mismatches;
    }
}
