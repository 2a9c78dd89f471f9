// SPDX-License-Identifier: EPL-2.0
package blitz.server.support;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import blitz.model.SessionSummary;

/**
 * The storage primitives a {@link BatchingServerStore} needs. Session state, validation, batching,
 * outage buffering and the "latest only once" rule live in the store; a backend only stores.
 *
 * <p>Threads: {@link #append}, {@link #recordEnd} and {@link #commit} are called by the store's one
 * writer thread only, and report an unavailable backend by throwing {@link IOException} (the writer
 * then buffers and retries the same writes, in order). Every other method may be called from any
 * thread and throws {@link IllegalStateException} with a readable message when the backend cannot
 * be reached.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface SessionBackend extends AutoCloseable {

    /** Takes the next session id from the never-reused counter. */
    long nextSessionId();

    /** Records a new session's start time and lists it first among the sessions. */
    void recordStart(long sessionId, long startMs);

    /**
     * Appends messages to a session, oldest first. May stay unapplied until {@link #commit()}.
     * Called again with writes it already applied after a failure, the backend must not store them
     * twice.
     */
    void append(long sessionId, List<String> messages) throws IOException;

    /** Records a session's end time. */
    void recordEnd(long sessionId, long endMs) throws IOException;

    /** Makes every write since the last commit stored (sent and confirmed, or written and synced). */
    void commit() throws IOException;

    /** @return the number of stored messages of a session, 0 for an unknown one */
    long count(long sessionId);

    /** @return up to {@code max} messages from chronological index {@code fromIndex}, oldest first */
    List<String> read(long sessionId, long fromIndex, int max);

    /** @return the newest (up to) {@code max} messages, oldest first */
    List<String> newest(long sessionId, int max);

    /** @return session ids, newest first */
    List<Long> sessionIds();

    /** @return a session's summary, empty when unknown */
    Optional<SessionSummary> summary(long sessionId);

    /** Deletes a session's messages and times and removes it from the list. @return whether it existed */
    boolean delete(long sessionId);

    /** Deletes every session, every message and the id counter. */
    void deleteAll();

    /** @return whether the backend answers now (a cheap check) */
    boolean reachable();

    /** @return where the data lives, for logs and health, e.g. the URI or the folder */
    String describe();

    @Override
    void close();
}
