// SPDX-License-Identifier: EPL-2.0
package blitz.server.support.internal;

import java.util.Objects;

/**
 * One write the batching writer carries, in acceptance order: a message appended to a session, or
 * the end time of a session (so that a session ends after its last message is stored).
 *
 * @param kind      what to write
 * @param sessionId the session
 * @param payload   the raw message, or the end time in epoch ms as decimal text
 */
public record Op(Kind kind, long sessionId, String payload) {

    public enum Kind {
        APPEND, END
    }

    public Op {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
    }

    public static Op append(long sessionId, String message) {
        return new Op(Kind.APPEND, sessionId, message);
    }

    public static Op end(long sessionId, long endMs) {
        return new Op(Kind.END, sessionId, Long.toString(endMs));
    }
}
