// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.util.regex.Pattern;

/**
 * The key names of one runtime. With the empty prefix (the default) they are the original Blitz
 * layout, key for key: {@code session_id}, {@code sessions}, {@code session_N},
 * {@code session_N_start}, {@code session_N_end}. A prefix such as {@code rig-a:} puts a runtime's
 * keys beside another's on the same Redis ({@code rig-a:session_id}, ...), so two rigs never share a
 * counter or a session list by accident.
 *
 * <p>Two keys per session are new and sit beside the original ones, which an original client never
 * reads: {@code session_N_rig} (the rig's name) and {@code session_N_lost} (confirmed messages a
 * failover lost, see {@link SessionLengths}).
 */
final class KeyLayout {
    /**
     * A prefix is a name and a colon. No glob characters (the prefix goes into SCAN's pattern) and
     * not {@code session...}: the unprefixed runtime's flush deletes {@code session*}.
     */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*:");

    private final String prefix;

    KeyLayout(String prefix) {
        String trimmed = prefix.trim();
        if (!trimmed.isEmpty() && (!PREFIX.matcher(trimmed).matches() || trimmed.startsWith("session"))) {
            throw new IllegalArgumentException("keyPrefix '" + prefix + "' is not a key prefix: use letters, digits, "
                    + "'_', '.', '-' and end with ':' (e.g. 'rig-a:'), not starting with 'session'; empty for the original layout");
        }
        this.prefix = trimmed;
    }

    String prefix() {
        return prefix;
    }

    String counter() {
        return prefix + "session_id";
    }

    String sessions() {
        return prefix + "sessions";
    }

    String messages(long sessionId) {
        return prefix + "session_" + sessionId;
    }

    String start(long sessionId) {
        return messages(sessionId) + "_start";
    }

    String end(long sessionId) {
        return messages(sessionId) + "_end";
    }

    String rig(long sessionId) {
        return messages(sessionId) + "_rig";
    }

    String lost(long sessionId) {
        return messages(sessionId) + "_lost";
    }

    /** @return the SCAN pattern of every key this runtime owns */
    String everyKey() {
        return prefix + "session*";
    }
}
