// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import blitz.model.message.BoardMessage;

/**
 * A recorded line of a board file with the values it must decode to.
 *
 * @param origin   {@code file:line}, for messages
 * @param line     the raw hex line
 * @param message  the parsed line
 * @param expected variable name to value, in the order written
 */
public record BoardFixture(String origin, String line, BoardMessage message, Map<String, Double> expected) {
    public BoardFixture {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(message, "message");
        expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
    }
}
