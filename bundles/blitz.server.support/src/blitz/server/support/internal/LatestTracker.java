// SPDX-License-Identifier: EPL-2.0
package blitz.server.support.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import blitz.server.support.SessionBackend;

/**
 * The original's UPDATE rule: the newest message of a session is returned only if the session's
 * message count changed since the previous call for that session.
 */
public final class LatestTracker {
    private final Map<Long, Long> countSeen = new HashMap<>();

    public synchronized Optional<String> latest(long sessionId, SessionBackend backend) {
        long count = backend.count(sessionId);
        Long previous = countSeen.put(sessionId, count);
        if (count == 0 || (previous != null && previous == count)) {
            return Optional.empty();
        }
        return backend.newest(sessionId, 1).stream().findFirst();
    }

    public synchronized void forget(long sessionId) {
        countSeen.remove(sessionId);
    }

    public synchronized void forgetAll() {
        countSeen.clear();
    }
}
