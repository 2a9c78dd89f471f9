// SPDX-License-Identifier: EPL-2.0
package blitz.source.support;

import blitz.model.source.MessageSink;

/** One period from start() to stop(): where its lines go, and how its stop goes. */
final class Run {
    static final Run NONE = new Run(null);

    final long startedNanos = System.nanoTime();
    /** Cleared when stop() returns, so that a worker that has not finished by then delivers nothing. */
    volatile MessageSink sink;
    volatile boolean stopping;
    volatile long stopDeadlineNanos;
    /** Whether an exchange is in progress: stop() lets it end instead of cutting it off. */
    volatile boolean exchanging;
    /** Why the drain of this run's stop did not complete, "" when it did. */
    volatile String drainCutShort = "";
    /** Whether the worker took this run up, and whether it has finished it. Guarded by the source. */
    boolean begun;
    boolean ended;

    Run(MessageSink sink) {
        this.sink = sink;
    }

    void stop(long deadlineNanos) {
        stopDeadlineNanos = deadlineNanos;
        stopping = true;
    }

    synchronized void cutShort(String why) {
        if (drainCutShort.isEmpty()) {
            drainCutShort = why;
        }
    }
}
