// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

/**
 * What the protocol remembers of one client between its requests: the position of its download, and
 * whether that download expired for want of an {@code ACK}. Used on the server's socket thread only.
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

    void seen(long nowMs) {
        lastSeenMs = nowMs;
    }

    boolean isDownloading() {
        return downloading;
    }

    void startDownload(long sessionId, long from) {
        downloading = true;
        session = sessionId;
        next = from;
    }

    long session() {
        return session;
    }

    long next() {
        return next;
    }

    /** Moves the download on past a chunk; it goes on while {@code more}. */
    void advance(int delivered, boolean more) {
        next += delivered;
        downloading = more;
    }

    void endDownload() {
        downloading = false;
    }

    /** @return whether a download waited longer than {@code timeoutMs} for its ACK; it is ended then */
    boolean expire(long nowMs, long timeoutMs) {
        if (!downloading || nowMs - lastSeenMs < timeoutMs) {
            return false;
        }
        downloading = false;
        expiredSession = session;
        return true;
    }

    /** @return the session whose download expired since the last call, 0 for none; forgets it */
    long takeExpired() {
        long expired = expiredSession;
        expiredSession = 0;
        return expired;
    }
}
