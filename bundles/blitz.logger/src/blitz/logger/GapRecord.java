// SPDX-License-Identifier: EPL-2.0
package blitz.logger;

import java.util.Objects;

import blitz.model.source.LossEvent;

/**
 * One entry of the gap ledger.
 *
 * @param sessionId the session running when it was reported, 0 when none ran
 * @param sourceId  the source that reported it
 * @param event     what the source reported (kind, board, count, time, detail)
 */
public record GapRecord(long sessionId, String sourceId, LossEvent event) {
    public GapRecord {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(event, "event");
    }
}
