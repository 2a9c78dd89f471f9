// SPDX-License-Identifier: EPL-2.0
package blitz.model.connection;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 * delivered to listeners; from a runtime that offers {@code LIVE}, every line since the last one seen
 * is fetched instead, so listeners get every message.</li>
 * <li>{@link ConnectionStatus#CONNECTED} is reported once the runtime answered {@code VERSION}:
 * {@link #capabilities()} is known by then.</li>
 * </ul>
 * The runtime's stored sessions (list, download, digest, delete) are a role of their own,
 * {@link SessionTransfer}, provided by the same component.
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

    /** @return ids of the boards connected to the runtime (BOARDS) */
    List<Integer> boards();

    /** Sends a command to a board (BOARD id hex). */
    Reply boardCommand(int boardId, String hexCommand);

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
