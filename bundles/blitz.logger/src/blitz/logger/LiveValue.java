// SPDX-License-Identifier: EPL-2.0
package blitz.logger;

/**
 * The newest decoded value of one variable.
 *
 * @param name       variable name
 * @param value      calibrated value (zero values are kept)
 * @param unit       unit of {@code value}
 * @param boardId    the board that sent it
 * @param boardTime  the message's timestamp: milliseconds since the board's session started
 * @param receivedMs epoch milliseconds when the runtime received the line
 */
public record LiveValue(String name, double value, String unit, int boardId, long boardTime, long receivedMs) {
}
