// SPDX-License-Identifier: EPL-2.0
package blitz.model.client;

import java.util.List;
import java.util.Optional;

import blitz.model.Session;
import blitz.model.SessionSummary;

/**
 * The workbench's mirror of the runtime's session list, and whether each session's download can be
 * shown. The store registers this role once its database is open.
 *
 * <p>Guarantees:
 * <ul>
 * <li><b>Keys.</b> Sessions are known by the runtime's session id ({@link Session#refId()}); every
 * method taking a {@code sessionId} means that id. At most one row exists per runtime id.</li>
 * <li><b>Unknown ids.</b> A method given a session that is not listed does nothing and does not
 * throw; a query returns empty.</li>
 * <li><b>Availability.</b> A session is available when it has readings and its download was
 * verified ({@link #markSessionVerified}), or, for sessions downloaded by the original protocol,
 * when it has readings.</li>
 * <li><b>Atomicity.</b> Each call is one transaction, committed when it returns.</li>
 * <li><b>Thread safety.</b> Every method may be called from any thread.</li>
 * </ul>
 */
public interface SessionCatalog {

    /** @return every listed session, in store id order */
    List<Session> sessions();

    /** @return the session row for a runtime session id, empty when it is not listed */
    Optional<Session> getSession(long sessionId);

    /**
     * Replaces the session list with the runtime's list. Unlike the original (which deleted the
     * table), rows of sessions still listed are updated in place so downloaded data and
     * availability are kept; sessions no longer listed are removed with their readings and raw
     * messages.
     */
    void updateSessionList(List<SessionSummary> sessions);

    /**
     * Recomputes a session's availability after a download: available when it has readings. Does
     * nothing (and does not throw, unlike the original) for an unknown session.
     */
    void updateSessionAvailability(long sessionId);

    /** Records that a session's download matched the runtime's count and digest, and makes it available. */
    void markSessionVerified(long sessionId, long messageCount);

    /** Removes a session's readings and raw messages, forgets its verification and makes it unavailable. */
    void clearSessionData(long sessionId);

    /**
     * Removes a session's readings, raw messages and its row. The runtime must delete it too,
     * otherwise the next session list brings it back.
     */
    void deleteSession(long sessionId);
}
