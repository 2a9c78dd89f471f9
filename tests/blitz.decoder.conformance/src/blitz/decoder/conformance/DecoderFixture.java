// SPDX-License-Identifier: EPL-2.0
package blitz.decoder.conformance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import blitz.model.message.BoardMessage;

/**
 * One recorded message and the values its decoder must produce.
 *
 * @param origin   where the fixture was read, {@code file:line}, for failure messages
 * @param line     the raw hex line
 * @param message  the parsed line
 * @param expected expected values by variable name, in the order written
 */
public record DecoderFixture(String origin, String line, BoardMessage message, Map<String, Double> expected) {
    public DecoderFixture {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(message, "message");
        expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
    }

    @Override
    public String toString() {
        return origin + " " + line;
    }
}
