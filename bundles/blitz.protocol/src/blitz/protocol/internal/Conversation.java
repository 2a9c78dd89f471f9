// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

/**
 * What the protocol remembers of one client between its requests: the position of its download, and
 * whether that download expired for want of an {@code ACK}. Thread-safe: a worker answers the client
 * while the socket thread looks for expired downloads.
 */
final class Conversation {
    private boolean downloading;
    private long session;
    private long next;
    private long lastSeenMs;
    /** The session whose download expired, 0 when none did since the client's last request. */
    private long expiredSession;

    Conversation(long nowMs) {
        this.lastSeenMs = nowMs;
    }

    synchronized void seen(long nowMs) {
        lastSeenMs = nowMs;
    }

    synchronized boolean isDownloading() {
        return downloading;
    }

    synchronized void startDownload(long sessionId, long from) {
        downloading = true;
        session = sessionId;
        next = from;
    }

    synchronized long session() {
        return session;
    }

    synchronized long next() {
        return next;
    }

    /** Moves the download on past a chunk; it goes on while {@code more}. */
    synchronized void advance(int delivered, boolean more) {
        next += delivered;
        downloading = more;
    }

    synchronized void endDownload() {
        downloading = false;
    }

    /** @return whether a download waited longer than {@code timeoutMs} for its ACK; it is ended then */
    synchronized boolean expire(long nowMs, long timeoutMs) {
        if (!downloading || nowMs - lastSeenMs < timeoutMs) {
            return false;
        }
        downloading = false;
        expiredSession = session;
        return true;
    }

    /** @return the session whose download expired since the last call, 0 for none; forgets it */
    synchronized long takeExpired() {
        long expired = expiredSession;
        expiredSession = 0;
        return expired;
    }
}
