// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the writer knows of each session's list in Redis, which makes its re-sent writes idempotent
 * and its losses countable.
 *
 * <p>The writer re-sends every write of a failed cycle. It knows each session's confirmed length;
 * after a failure it reads the list's length once and compares:
 * <ul>
 * <li>longer: Redis applied a prefix of the failed cycle (LPUSH is atomic and one connection's
 * commands apply in order), and the re-sent messages of that prefix are skipped;</li>
 * <li>shorter: messages Redis had confirmed are gone. That happens when a master fails over before
 * its replica had them (asynchronous replication, no {@code WAIT}); the difference is the loss.</li>
 * </ul>
 * This assumes one writer per session, as the original did. Used by the writer thread; {@link #forget}
 * may come from any thread.
 */
final class SessionLengths {
    private final Map<Long, Long> confirmed = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> unchecked = new ConcurrentHashMap<>();
    private final Map<Long, Long> addedThisCycle = new HashMap<>();
    private final Map<Long, Long> toSkip = new HashMap<>();

    /** @return whether the session's length must be read before the next write */
    boolean needsCheck(long sessionId) {
        return !confirmed.containsKey(sessionId) | unchecked.remove(sessionId) != null;
    }

    /**
     * Records the length just read. The writer re-sends from the first write after the last
     * committed cycle, so the confirmed length stays the base: a longer list means the first
     * {@code length - confirmed} re-sent messages are there already (however many cycles failed
     * after applying them), a shorter one that confirmed messages are gone.
     *
     * @return how many confirmed messages are missing from the list (0 when none)
     */
    long checked(long sessionId, long length) {
        Long known = confirmed.putIfAbsent(sessionId, length);
        toSkip.remove(sessionId);
        if (known == null || length == known) {
            return 0;
        }
        if (length > known) {
            toSkip.put(sessionId, length - known);
            return 0;
        }
        confirmed.put(sessionId, length);
        return known - length;
    }

    /**
     * @return how many of {@code offered} re-sent messages Redis already has, to be skipped; they
     *         count as written by this cycle
     */
    int skip(long sessionId, int offered) {
        Long skip = toSkip.remove(sessionId);
        if (skip == null) {
            return 0;
        }
        int skipped = (int) Math.min(skip, offered);
        if (skip > skipped) {
            toSkip.put(sessionId, skip - skipped);
        }
        return skipped;
    }

    /** @param messages the messages of an append, the skipped ones included */
    void added(long sessionId, long messages) {
        addedThisCycle.merge(sessionId, messages, Long::sum);
    }

    /** The cycle's writes are confirmed. */
    void committed() {
        addedThisCycle.forEach((session, added) -> confirmed.computeIfPresent(session, (id, length) -> length + added));
        addedThisCycle.clear();
    }

    /** Nothing is known about the failed cycle's writes: check every session before writing again. */
    void failed() {
        addedThisCycle.clear();
        toSkip.clear();
        confirmed.keySet().forEach(session -> unchecked.put(session, Boolean.TRUE));
    }

    void forget(long sessionId) {
        confirmed.remove(sessionId);
        unchecked.remove(sessionId);
    }

    void forgetAll() {
        confirmed.clear();
        unchecked.clear();
    }
}
