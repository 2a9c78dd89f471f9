// SPDX-License-Identifier: EPL-2.0
package blitz.model.server;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import blitz.model.SessionSummary;

/**
 * The store of logging sessions and their raw board messages on the logging runtime. Every
 * operation of the original {@code DatabaseServer} is here with the same meaning.
 *
 * <p>Guarantees every implementation keeps (checked by the server-store conformance suite, run
 * against each implementation):
 * <ul>
 * <li><b>Ids.</b> Session ids start at 1 and increase by one per {@link #startSession()}; an id is
 * never reused, not after {@link #deleteSession(long)}, not after a restart. Only
 * {@link #flush(String)} resets the counter.</li>
 * <li><b>One session at a time.</b> At most one session is current. Starting while one runs stops
 * the running one first (its end time is set).</li>
 * <li><b>Order.</b> Messages of a session are read back in the order {@link #queue(String)}
 * accepted them, including messages queued concurrently by several threads (each thread's own
 * order is kept).</li>
 * <li><b>Acceptance.</b> {@link #queue(String)} returns {@code true} once the message is accepted:
 * it is then either stored or, if the backing server is unreachable, held in a bounded buffer and a
 * local spool, and stored when the server returns. {@link #sync()} waits until every accepted
 * message is stored. A message queued with no session running is refused ({@code false}) and a
 * warning logged; nothing is stored.</li>
 * <li><b>Durability.</b> After {@link #sync()} returns, stored messages survive a restart of the
 * runtime (for Redis: within the limits of the server's persistence settings).</li>
 * <li><b>Bad input.</b> Unknown session ids read as empty (no exception); {@code null} or empty
 * messages are refused; messages up to {@link #MAX_MESSAGE_LENGTH} characters are stored whole.</li>
 * <li><b>Thread safety.</b> Every method may be called from any thread.</li>
 * </ul>
 */
@org.osgi.annotation.versioning.ProviderType
public interface ServerStore {

    /** Longest message accepted, in characters (a line of a long-payload board fits easily). */
    int MAX_MESSAGE_LENGTH = 64 * 1024;

    /** The word {@link #flush(String)} requires, so that no call destroys data by accident. */
    String FLUSH_CONFIRMATION = "DESTROY-ALL-SESSIONS";

    /**
     * Starts a new session: takes the next id, records its start time (epoch ms) and lists it first
     * in {@link #availableSessions()}.
     *
     * @return the new session's id
     */
    long startSession();

    /**
     * Stops the current session, recording its end time, after every message accepted for it is
     * stored. Does nothing when no session runs.
     */
    void stopSession();

    /** @return the id of the running session, empty when none runs */
    OptionalLong currentSession();

    /**
     * Queues a raw message against the current session.
     *
     * @param message the raw board line, without line terminator
     * @return {@code true} if accepted, {@code false} if no session runs or the message is empty,
     *         {@code null} or longer than {@link #MAX_MESSAGE_LENGTH}
     */
    boolean queue(String message);

    /**
     * Queues several messages at once, in order. Same rules as {@link #queue(String)} per message.
     *
     * @return how many were accepted
     */
    int queueAll(List<String> messages);

    /** Blocks until every message accepted so far is stored (or the store is closed). */
    void sync();

    /**
     * The newest message of a session, returned only once: a second call with no new message in
     * between returns empty (the original's UPDATE semantics).
     */
    Optional<String> latestFromSession(long sessionId);

    /** @return the last (up to) ten messages of the current session, oldest first; empty if none runs */
    List<String> lastTen();

    /**
     * @return every message of a session, oldest first. Loads the whole session: prefer
     *         {@link #readSession} for large sessions.
     */
    List<String> allFromSession(long sessionId);

    /**
     * Streams a session's messages, oldest first, in chunks, never holding the whole session in
     * memory.
     *
     * @param sessionId the session
     * @param fromIndex index of the first message to read (0 = the first message ever queued)
     * @param chunkSize at most this many messages per call of {@code chunkConsumer}
     * @param chunkConsumer receives each chunk in order
     * @return the number of messages delivered
     */
    long readSession(long sessionId, long fromIndex, int chunkSize, Consumer<List<String>> chunkConsumer);

    /**
     * Reads one page of a session's messages, oldest first: what one reply of a paged download carries.
     *
     * @param sessionId the session
     * @param fromIndex index of the first message to read (0 = the first message ever queued)
     * @param max       at most this many messages
     * @return the page; empty past the session's end or for an unknown id
     */
    List<String> readPage(long sessionId, long fromIndex, int max);

    /** @return the number of messages stored for a session (0 for an unknown id) */
    long messageCount(long sessionId);

    /** @return session ids, newest first */
    List<Long> availableSessions();

    /** @return one summary per session, newest first: the reply to the protocol's {@code SESSIONS} */
    List<SessionSummary> clientSessionList();

    /** @return the summary of one session, empty for an unknown id */
    Optional<SessionSummary> session(long sessionId);

    /**
     * Deletes a session and its messages. Its id is not reused. Deleting the running session stops
     * it first.
     *
     * @return {@code true} if the session existed
     */
    boolean deleteSession(long sessionId);

    /**
     * Destroys every session, every message and the id counter. Irrevocable.
     *
     * @param confirmation must be {@link #FLUSH_CONFIRMATION}
     * @throws IllegalArgumentException if the confirmation word is wrong; nothing is touched then
     */
    void flush(String confirmation);

    /** @return the store's health, for the runtime's status and the workbench's notifications */
    StoreHealth health();
}
