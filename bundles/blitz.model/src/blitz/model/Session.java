// SPDX-License-Identifier: EPL-2.0
package blitz.model;

/**
 * The workbench's record of one logging session of a runtime.
 *
 * @param id               store-assigned row id, {@code null} before the row is stored
 * @param refId            the runtime's session id (unique)
 * @param available        {@code true} once the session's readings are downloaded (and verified)
 * @param timeStarted      epoch milliseconds when logging started
 * @param timeStopped      epoch milliseconds when logging stopped, {@code null} while it runs
 * @param numberOfReadings number of raw messages the runtime holds for the session
 */
public record Session(Long id, long refId, boolean available, long timeStarted, Long timeStopped,
        long numberOfReadings) {

    public Session withAvailable(boolean newAvailable) {
        return new Session(id, refId, newAvailable, timeStarted, timeStopped, numberOfReadings);
    }
}
