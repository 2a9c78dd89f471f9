// SPDX-License-Identifier: EPL-2.0
package blitz.logger;

import java.util.Set;

import blitz.model.source.SourceState;
import blitz.model.source.SourceStatistics;

/**
 * An attached source as the runtime sees it.
 *
 * @param id          the source's id
 * @param description port path or device address
 * @param state       the source's state
 * @param boardIds    boards that answered on it
 * @param statistics  the source's own counters
 */
public record SourceInfo(String id, String description, SourceState state, Set<Integer> boardIds,
        SourceStatistics statistics) {
    public SourceInfo {
        boardIds = Set.copyOf(boardIds);
    }
}
