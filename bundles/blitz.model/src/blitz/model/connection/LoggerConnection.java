// SPDX-License-Identifier: EPL-2.0
package blitz.model.connection;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import blitz.model.SessionSummary;

/**
 * A client's connection to one logging runtime over the logger protocol (ZeroMQ request/reply, the
 * original's commands). Provided as an OSGi service by {@code blitz.client}.
 *
 * <p>Guarantees:
 * <ul>
 * <li>Requests are strictly one at a time (the protocol's lock-step); every method is thread-safe and
 * blocks its caller only, never for longer than the configured timeout times the retries.</li>
 * <li>A runtime that stops answering is retried by itself with back-off; the status goes
 * {@link ConnectionStatus#RECONNECTING} / {@link ConnectionStatus#TIMED_OUT} and back to
 * {@link ConnectionStatus#CONNECTED} when it answers again. Nothing throws because the runtime is
 * gone: commands return a failed {@link Reply}.</li>
 * <li>On connect it probes the runtime ({@code LOGGING}, as the original client) and asks for its
 * capabilities ({@code VERSION}); a runtime that speaks only the original protocol has none, and every
 * method then uses only the original's commands.</li>
 * <li>While the runtime logs, live lines are polled with {@code UPDATE} at the configured period and
 * delivered to listeners.</li>
 * </ul>
 */
@org.osgi.annotation.versioning.ProviderType
public interface LoggerConnection {

    /** Capability of a runtime that can download from an offset ({@code DOWNLOAD n FROM k}). */
    String RESUME = "resume";
    /** Capability of a runtime that gives a count and digest of a session ({@code DIGEST n}). */
    String DIGEST = "digest";
    /** Capability of a runtime that reports statistics ({@code STATS}). */
    String STATS = "stats";
    /** Capability of a runtime that reports its gap ledger ({@code GAPS n}). */
    String GAPS = "gaps";
    /** Capability of a runtime that reports notifications ({@code NOTIFICATIONS}). */
    String NOTIFICATIONS = "notifications";

    /** Connects (replacing any current connection) and probes the runtime. Returns once probed or failed. */
    ConnectionStatus connect(Endpoint endpoint);

    /** Closes the connection; status becomes {@link ConnectionStatus#DISCONNECTED}. */
    void disconnect();

    ConnectionStatus status();

    /** @return the endpoint last connected to */
    Optional<Endpoint> endpoint();

    /** @return whether the runtime was logging at the last probe or reply */
    boolean isLogging();

    /** @return the runtime's protocol extensions (empty for the original logger) */
    Set<String> capabilities();

    /** Starts a logging session (START). */
    Reply start();

    /** Stops the session (STOP) and refreshes the session list, as the original client did. */
    Reply stop();

    /** Asks the runtime to go back to idle (RESET). */
    Reply reset();

    /**
     * @return the runtime's sessions (SESSIONS), newest first; empty (not an empty list) when the
     *         runtime did not answer or could not list them (the original answers a bare NACK without
     *         its database), so a caller never mistakes a failure for "no sessions"
     */
    Optional<List<SessionSummary>> sessions();

    /** @return ids of the boards connected to the runtime (BOARDS) */
    List<Integer> boards();

    /** Sends a command to a board (BOARD id hex). */
    Reply boardCommand(int boardId, String hexCommand);

    /** Deletes a session on the runtime (DELETE n). */
    Reply delete(long sessionId);

    /**
     * Downloads a session's raw messages, chunk by chunk (DOWNLOAD with the ACK loop), from message
     * index {@code fromIndex} (needs {@link #RESUME} when not 0).
     *
     * @param chunkConsumer receives each chunk in order; an exception from it aborts the download
     *                      (the runtime is then RESET)
     * @param cancelled     polled between chunks; when true the download stops (and the runtime is RESET)
     * @return the number of messages delivered
     * @throws DownloadException if the runtime failed or stopped answering mid-download
     */
    long download(long sessionId, long fromIndex, Consumer<List<String>> chunkConsumer,
            java.util.function.BooleanSupplier cancelled) throws DownloadException;

    /** @return the runtime's count and digest of a session, empty without {@link #DIGEST} */
    Optional<SessionDigest> digest(long sessionId);

    /**
     * Sends an extension command and returns its raw reply lines (STATS, GAPS n, NOTIFICATIONS).
     * Empty when the runtime lacks the capability.
     */
    Optional<List<String>> query(String command);

    void addListener(ConnectionListener listener);

    void removeListener(ConnectionListener listener);

    /** The runtime's answer to a command. */
    record Reply(boolean ok, String text) {
        public static Reply failed(String text) {
            return new Reply(false, text);
        }
    }

    /** A download that could not complete; what was delivered before it stays delivered. */
    class DownloadException extends Exception {
        private static final long serialVersionUID = 1L;
        private final long delivered;

        public DownloadException(String message, long delivered) {
            super(message);
            this.delivered = delivered;
        }

        /** @return messages delivered before the failure */
        public long delivered() {
            return delivered;
        }
    }
}
