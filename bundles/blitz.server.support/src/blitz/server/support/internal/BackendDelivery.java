// SPDX-License-Identifier: EPL-2.0
package blitz.server.support.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import blitz.server.support.SessionBackend;

/**
 * Hands the writer thread's batches to the backend (one append per run of one session's messages, an
 * end where a session ended, then one commit) and times the retries after a failure. Used by the
 * writer thread only.
 */
final class BackendDelivery {
    private final SessionBackend backend;
    private final long retryIntervalNanos;
    private volatile long lastAttemptNanos;

    BackendDelivery(SessionBackend backend, long retryIntervalMs) {
        this.backend = backend;
        this.retryIntervalNanos = TimeUnit.MILLISECONDS.toNanos(retryIntervalMs);
    }

    /** Writes {@code ops} in order and commits them. */
    void deliver(List<Op> ops) throws IOException {
        lastAttemptNanos = System.nanoTime();
        int i = 0;
        while (i < ops.size()) {
            Op first = ops.get(i);
            if (first.kind() == Op.Kind.END) {
                backend.recordEnd(first.sessionId(), Long.parseLong(first.payload()));
                i++;
                continue;
            }
            int j = i;
            List<String> messages = new ArrayList<>();
            while (j < ops.size() && ops.get(j).kind() == Op.Kind.APPEND && ops.get(j).sessionId() == first.sessionId()) {
                messages.add(ops.get(j).payload());
                j++;
            }
            backend.append(first.sessionId(), messages);
            i = j;
        }
        backend.commit();
    }

    /** @return whether the backend, with nothing to write, answers again */
    boolean probe() throws IOException {
        lastAttemptNanos = System.nanoTime();
        backend.commit();
        return backend.reachable();
    }

    boolean retryDue() {
        return System.nanoTime() - lastAttemptNanos >= retryIntervalNanos;
    }

    long nanosUntilRetry() {
        return Math.max(1, retryIntervalNanos - (System.nanoTime() - lastAttemptNanos));
    }
}
