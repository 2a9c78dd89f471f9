// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Locks a host out after {@code attempts} wrong tokens within {@code windowMs}, for {@code lockoutMs}.
 * Only wrong tokens count: a request without any token is an old client, not a guess. Memory is bounded:
 * at most {@value #MAX_HOSTS} hosts are tracked, the longest-idle one is forgotten first. Not
 * thread-safe (the guard calls it under its lock).
 */
final class AuthLockout {
    static final int MAX_HOSTS = 4_096;

    private final int attempts;
    private final long windowMs;
    private final long lockoutMs;
    /** Per host: the times of its recent wrong tokens; access order, so the first is the longest idle. */
    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Long> lockedUntil = new LinkedHashMap<>(16, 0.75f, true);

    /** @param attempts wrong tokens that lock a host out; 0 turns the lockout off */
    AuthLockout(int attempts, long windowMs, long lockoutMs) {
        this.attempts = attempts;
        this.windowMs = windowMs;
        this.lockoutMs = lockoutMs;
    }

    /** @return milliseconds the host stays locked out, 0 when it is not */
    long remainingMs(String host, long nowMs) {
        Long until = lockedUntil.get(host);
        if (until == null) {
            return 0;
        }
        if (until <= nowMs) {
            lockedUntil.remove(host);
            return 0;
        }
        return until - nowMs;
    }

    /** Records a wrong token. @return {@code true} when it locked the host out */
    boolean wrongToken(String host, long nowMs) {
        if (attempts <= 0) {
            return false;
        }
        Deque<Long> recent = failures.computeIfAbsent(host, h -> new ArrayDeque<>());
        recent.addLast(nowMs);
        while (recent.peekFirst() <= nowMs - windowMs) {
            recent.removeFirst();
        }
        boolean locked = recent.size() >= attempts;
        if (locked) {
            failures.remove(host);
            lockedUntil.put(host, nowMs + lockoutMs);
        }
        bound(failures);
        bound(lockedUntil);
        return locked;
    }

    private static void bound(Map<String, ?> map) {
        Iterator<String> oldest = map.keySet().iterator();
        while (map.size() > MAX_HOSTS) {
            oldest.next();
            oldest.remove();
        }
    }
}
