// SPDX-License-Identifier: EPL-2.0
package blitz.logger;

/**
 * The runtime's own counters since it started.
 *
 * @param received     lines delivered by all sources
 * @param stored       lines the store accepted for a session
 * @param refused      lines the store refused while a session ran (empty, too long, session ending)
 * @param undecodable  lines that were not board messages or that a decoder rejected
 * @param unknownBoard well-formed lines from boards no decoder knows (stored all the same)
 * @param lossEvents   loss events recorded in the gap ledger
 */
public record RuntimeStatistics(long received, long stored, long refused, long undecodable, long unknownBoard,
        long lossEvents) {
}
