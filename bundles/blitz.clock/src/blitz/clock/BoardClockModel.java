// SPDX-License-Identifier: EPL-2.0
package blitz.clock;

/**
 * One segment of a board's clock fitted to host time: {@code host = hostAtOrigin + rate * (board - boardOrigin)},
 * in milliseconds. A segment runs from one board reset to the next; its board times are unwrapped
 * (past the 32-bit wrap they keep counting).
 *
 * @param boardOrigin  a board time of the segment (its first), ms, unwrapped
 * @param hostAtOrigin the host's UTC (epoch ms) the fit gives for {@code boardOrigin}
 * @param rate         host milliseconds per board millisecond
 * @param points       pairs the fit is made of
 */
public record BoardClockModel(double boardOrigin, double hostAtOrigin, double rate, long points) {

    /** @return the host's UTC, epoch milliseconds, of a board time of this segment */
    public double hostMillis(double boardMillis) {
        return hostAtOrigin + rate * (boardMillis - boardOrigin);
    }

    /** @return how many parts per million the board's crystal runs fast (negative: slow) against the host */
    public double driftPpm() {
        return (1 / rate - 1) * 1e6;
    }
}
