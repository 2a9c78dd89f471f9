// SPDX-License-Identifier: EPL-2.0
package blitz.model.decoder;

import java.util.Locale;

/**
 * How a board is shown to a user, as the original listed them: {@code "8 (08)"} and
 * {@code "Blitz Basic Expansion Board"}, or {@code "Unknown"} for a board no decoder knows.
 *
 * @param boardId     0..255
 * @param label       {@code "<decimal> (<two lowercase hex digits>)"}
 * @param description the decoder's description or {@code "Unknown"}
 */
public record BoardDescription(int boardId, String label, String description) {
    public static final String UNKNOWN = "Unknown";

    public static BoardDescription of(int boardId, String description) {
        return new BoardDescription(boardId, label(boardId), description);
    }

    /** @return the original's board label, e.g. {@code "10 (0a)"} */
    public static String label(int boardId) {
        return boardId + " (" + String.format(Locale.ROOT, "%02x", boardId) + ")";
    }
}
