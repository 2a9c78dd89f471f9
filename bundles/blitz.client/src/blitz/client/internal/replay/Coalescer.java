// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import blitz.model.sync.LiveVariable;

/**
 * Holds back values so each variable is shown at most once per interval: a value waits while its
 * variable was shown less than an interval ago, and a newer value of the same variable replaces it.
 * Not thread-safe.
 */
final class Coalescer {
    private final long intervalNanos;
    private final Map<String, LiveVariable> pending = new LinkedHashMap<>();
    private final Map<String, Long> lastShown = new HashMap<>();

    Coalescer(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    void offer(LiveVariable value) {
        pending.remove(value.name()); // re-inserted last: the batch keeps the order values came in
        pending.put(value.name(), value);
    }

    /** @return the pending values whose variable may be shown at {@code now}, taken */
    List<LiveVariable> due(long now) {
        List<LiveVariable> due = new ArrayList<>();
        for (Iterator<LiveVariable> it = pending.values().iterator(); it.hasNext();) {
            LiveVariable value = it.next();
            Long shown = lastShown.get(value.name());
            if (shown == null || now - shown >= intervalNanos) {
                due.add(value);
                lastShown.put(value.name(), now);
                it.remove();
            }
        }
        return due;
    }

    /** @return every pending value, taken (at the end, on pause) */
    List<LiveVariable> drain(long now) {
        List<LiveVariable> all = new ArrayList<>(pending.values());
        all.forEach(value -> lastShown.put(value.name(), now));
        pending.clear();
        return all;
    }

    /** @return when the next pending value may be shown (System.nanoTime), or {@code Long.MAX_VALUE} if none waits */
    long nextRelease() {
        long next = Long.MAX_VALUE;
        for (String name : pending.keySet()) {
            Long shown = lastShown.get(name);
            next = Math.min(next, shown == null ? Long.MIN_VALUE : shown + intervalNanos);
        }
        return next;
    }

    /** Forgets everything (after a seek). */
    void clear() {
        pending.clear();
        lastShown.clear();
    }
}
