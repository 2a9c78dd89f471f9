// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis;

import java.util.Objects;

import blitz.model.SessionSummary;

/**
 * A session as a Redis store lists it, with the rig that logged it.
 *
 * @param summary      the session (id, start, end, count), as {@code SESSIONS} reports it
 * @param rig          the rig's name, empty for a session the original Blitz or an older runtime wrote
 * @param lostMessages messages Redis had confirmed and a failover lost (0 with {@code WAIT} on)
 */
public record RigSession(SessionSummary summary, String rig, long lostMessages) {
    public RigSession {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(rig, "rig");
    }
}
