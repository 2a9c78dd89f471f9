// SPDX-License-Identifier: EPL-2.0
package blitz.model.connection;

import java.util.Objects;

/**
 * The runtime's receipt for a session: how many messages it holds and a SHA-256 over them, in order,
 * each message followed by {@code '\n'}, as lowercase hex.
 */
public record SessionDigest(long sessionId, long count, String sha256) {
    public SessionDigest {
        Objects.requireNonNull(sha256, "sha256");
    }
}
