// SPDX-License-Identifier: EPL-2.0
package blitz.logger;

import blitz.model.decoder.BoardDescription;

/**
 * A board the runtime knows.
 *
 * @param description label and description ({@code "Unknown"} when no decoder knows the id)
 * @param sourceId    the source that announced it or whose lines carried it
 */
public record BoardInfo(BoardDescription description, String sourceId) {
    public int boardId() {
        return description.boardId();
    }
}
