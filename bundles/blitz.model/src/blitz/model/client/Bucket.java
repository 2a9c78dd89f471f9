// SPDX-License-Identifier: EPL-2.0
package blitz.model.client;

/**
 * The readings of one variable that fall into one time bucket of a plot, reduced to what a pixel
 * column needs to draw.
 *
 * @param startTime first time of the bucket (inclusive), ms since the session started
 * @param endTime   last time of the bucket (exclusive)
 * @param count     readings in the bucket (at least 1; empty buckets are not returned)
 * @param min       smallest value
 * @param max       largest value
 * @param first     value of the earliest reading
 * @param last      value of the latest reading
 * @param firstTime time of the earliest reading
 * @param lastTime  time of the latest reading
 */
public record Bucket(long startTime, long endTime, long count, double min, double max, double first, double last,
        long firstTime, long lastTime) {
}
