// SPDX-License-Identifier: EPL-2.0
package blitz.logger;

/**
 * Counters of one board as seen by the runtime since it started.
 *
 * @param boardId    0..255
 * @param sourceId   the source whose lines carried the board's messages most recently
 * @param messages   well-formed messages received from the board
 * @param lastSeenMs epoch milliseconds of the newest one, 0 if none yet
 * @param lost       messages or lines the gap ledger attributes to the board
 * @param rate       messages per second measured over up to the last minute (0 until 5 s are measured)
 */
public record BoardStatistics(int boardId, String sourceId, long messages, long lastSeenMs, long lost, double rate) {
}
