// SPDX-License-Identifier: EPL-2.0
package blitz.model.connection;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import blitz.model.SessionSummary;
import blitz.model.connection.LoggerConnection.DownloadException;
import blitz.model.connection.LoggerConnection.Reply;

/**
 * The sessions a connected runtime has stored, over the same connection as {@link LoggerConnection}
 * (the component that provides one provides the other): listing, downloading, checking and deleting
 * them. What session sync needs, and nothing a live view needs.
 *
 * <p>Guarantees, beside those of {@link LoggerConnection} (one request at a time, never a throw for a
 * runtime that is gone):
 * <ul>
 * <li>A list that could not be read is empty, never an empty list.</li>
 * <li>A download delivers chunks in the runtime's order, exactly once each; when it stops early
 * (cancelled, a consumer that throws, a runtime that stops answering) the runtime is left free for the
 * next client (an original logger by {@code ACK} to its last chunk, never by {@code RESET}).</li>
 * </ul>
 */
@org.osgi.annotation.versioning.ProviderType
public interface SessionTransfer {

    /**
     * @return the runtime's sessions (SESSIONS), newest first; empty (not an empty list) when the
     *         runtime did not answer or could not list them (the original answers a bare NACK without
     *         its database), so a caller never mistakes a failure for "no sessions"
     */
    Optional<List<SessionSummary>> sessions();

    /** Deletes a session on the runtime (DELETE n). */
    Reply delete(long sessionId);

    /**
     * Downloads a session's raw messages, chunk by chunk (DOWNLOAD with the ACK loop), from message
     * index {@code fromIndex} (needs {@link LoggerConnection#RESUME} when not 0).
     *
     * @param chunkConsumer receives each chunk in order; an exception from it aborts the download
     * @param cancelled     polled between chunks; when true the download stops
     * @return the number of messages delivered
     * @throws DownloadException if the runtime failed or stopped answering mid-download
     */
    long download(long sessionId, long fromIndex, Consumer<List<String>> chunkConsumer, BooleanSupplier cancelled)
            throws DownloadException;

    /** @return the runtime's count and digest of a session, empty without {@link LoggerConnection#DIGEST} */
    Optional<SessionDigest> digest(long sessionId);
}
