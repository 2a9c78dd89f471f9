// SPDX-License-Identifier: EPL-2.0
package blitz.logger;

import java.util.List;
import java.util.Optional;

import blitz.model.SessionSummary;
import blitz.model.server.StoreHealth;

/**
 * Read-only view of the sessions the runtime stored, for the logger protocol and the shell: nothing
 * here writes, so reads cannot disturb a running session. Registered as an OSGi service by
 * {@code blitz.logger}, reading the same store the {@link LoggingRuntime} writes to.
 *
 * <p>Guarantees: unknown session ids read as empty (no exception); a running session is read as far
 * as it is stored when the call is made; sessions are read page by page, never whole; all methods are
 * thread-safe.
 */
public interface SessionReader {

    /** @return one summary per session, newest first (the protocol's {@code SESSIONS}) */
    List<SessionSummary> sessions();

    /** @return the summary of one session (its start, end and count), empty for an unknown id */
    Optional<SessionSummary> session(long sessionId);

    /** @return the number of messages stored for a session (0 for an unknown id) */
    long messageCount(long sessionId);

    /**
     * @param fromIndex index of the first message (0 = the session's first)
     * @param max       at most this many messages, at least 1
     * @return the session's raw messages from {@code fromIndex}, oldest first; empty past the end
     */
    List<String> readPage(long sessionId, long fromIndex, int max);

    /** @return the newest message of a session, empty when it has none */
    Optional<String> latest(long sessionId);

    /** @return the store's health (never throws: a failing check reads as not connected) */
    StoreHealth health();
}
