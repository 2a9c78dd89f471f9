// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.wire;

/** The codes of {@code ERROR <code> <detail>} replies (see the error code table of the protocol). */
public enum ErrorCode {
    /** A known command not allowed in this state (the original's ERROR 1). */
    NOT_ALLOWED(1),
    /** An unknown command (the original's ERROR 2). */
    UNKNOWN(2),
    /** No session: the store does not answer (the original's ERROR 3, no redis). */
    NO_STORE(3),
    /** Too long, not printable ASCII, or malformed arguments. */
    BAD_REQUEST(4),
    /** The server failed while answering. */
    FAILED(5),
    /** No token, or a wrong one. */
    AUTHENTICATION(6),
    /** Too many wrong tokens from this host. */
    LOCKED_OUT(7),
    /** The client's download ended while it did not ACK for too long; it resumes with DOWNLOAD FROM. */
    EXPIRED(8),
    /** The server has as many requests in work as it takes; the client retries later. */
    BUSY(9);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @return {@code ERROR <code>}, the reply with no detail */
    public String reply() {
        return Replies.ERROR + " " + code;
    }

    /** @return {@code ERROR <code> <detail>} */
    public String reply(String detail) {
        return reply() + " " + detail;
    }

    /** @return whether a reply is this error */
    public boolean isIn(String reply) {
        return reply.equals(reply()) || reply.startsWith(reply() + " ");
    }
}
