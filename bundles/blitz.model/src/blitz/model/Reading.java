// SPDX-License-Identifier: EPL-2.0
package blitz.model;

/**
 * One decoded value of one variable in a downloaded session.
 *
 * @param id         store-assigned id, {@code null} before the reading is stored
 * @param sessionId  the runtime's session id (the original's {@code ref_id}), not the client row id
 * @param timeLogged milliseconds since the session started, as stamped by the board
 * @param categoryId id of the {@link Category} the value belongs to
 * @param value      the value at full double precision
 */
public record Reading(Long id, long sessionId, long timeLogged, long categoryId, double value) {
    public static Reading of(long sessionId, long timeLogged, long categoryId, double value) {
        return new Reading(null, sessionId, timeLogged, categoryId, value);
    }
}
