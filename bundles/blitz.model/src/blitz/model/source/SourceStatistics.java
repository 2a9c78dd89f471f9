// SPDX-License-Identifier: EPL-2.0
package blitz.model.source;

import java.util.Map;
import java.util.Objects;

/**
 * Counters of one source since it was created.
 *
 * @param messages    board lines delivered to the sink
 * @param bytes       bytes read from the port or connection
 * @param badLines    lines skipped because they were not board messages
 * @param boardErrors board error replies by code (e.g. {@code "62"} buffer full)
 * @param gaps        gap events (reconnect and sequence gaps)
 * @param reconnects  times the port or connection was reopened
 * @param lastError   the last error, {@code ""} if none
 */
public record SourceStatistics(long messages, long bytes, long badLines, Map<String, Long> boardErrors, long gaps,
        long reconnects, String lastError) {
    public SourceStatistics {
        boardErrors = Map.copyOf(boardErrors);
        Objects.requireNonNull(lastError, "lastError");
    }
}
