// SPDX-License-Identifier: EPL-2.0
package blitz.server.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import blitz.model.server.ServerStore;
import blitz.server.redis.RigSessions;
import blitz.testing.RedisCli;

/**
 * One runtime's store logging through a failover: a writer thread queues numbered messages, one a
 * millisecond, as a board would, while the test cuts the master off its replica and kills it
 * ({@link RedisCli#cutReplicas}). What
 * it counts afterwards: accepted, stored, missing, doubled, and the loss the store reported.
 */
final class FailoverRun {
    /** Messages/s the writer aims for. */
    static final int RATE = 1_000;

    private final ServerStore store;
    private final String rig;
    private final long sessionId;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread writer;

    FailoverRun(ServerStore store, String rig) {
        this.store = store;
        this.rig = rig;
        this.sessionId = store.startSession();
        this.writer = new Thread(this::write, "failover-writer-" + rig);
        writer.start();
    }

    long sessionId() {
        return sessionId;
    }

    private void write() {
        long next = 1;
        long start = System.nanoTime();
        while (running.get()) {
            long due = start + next * 1_000_000_000L / RATE;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (store.queue(Long.toString(next))) {
                accepted.set(next);
            }
            next++;
        }
    }

    /** @return milliseconds from now until the store has noticed an outage and is writing again */
    long awaitRecovery(long timeoutMs) {
        return RedisCli.await(rig + ": the store writes again", timeoutMs, () -> {
            try {
                long before = store.messageCount(sessionId);
                sleep(100);
                return store.health().connected() && store.messageCount(sessionId) > before;
            } catch (IllegalStateException e) {
                return false; // reads fail until the store reaches the new master
            }
        });
    }

    /** Keeps logging {@code ms} more, stops the session and counts. */
    Outcome finish(long ms) {
        sleep(ms);
        running.set(false);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.stopSession();
        store.sync();
        List<String> stored = store.allFromSession(sessionId);
        Set<Long> seen = new HashSet<>();
        long doubled = 0;
        for (String message : stored) {
            if (!seen.add(Long.parseLong(message))) {
                doubled++;
            }
        }
        long missing = 0;
        for (long n = 1; n <= accepted.get(); n++) {
            if (!seen.contains(n)) {
                missing++;
            }
        }
        long reported = ((RigSessions) store).lostSinceStart().getOrDefault(sessionId, 0L);
        return new Outcome(rig, accepted.get(), stored.size(), missing, doubled, reported);
    }

    record Outcome(String rig, long accepted, long stored, long missing, long doubled, long reported) {
        void assertCountedExactly() {
            assertTrue(doubled == 0 && missing == reported, "every missing message reported, none doubled: " + this);
        }

        /** Without WAIT, the writes confirmed while the replica was cut off are gone, and all counted. */
        void assertLostAndCounted() {
            assertCountedExactly();
            assertTrue(reported > 0, "the master confirmed writes its replica never got, and they were lost: " + this);
        }

        void assertNothingLost() {
            assertTrue(doubled == 0 && missing == 0 && reported == 0, "nothing confirmed lost, none doubled: " + this);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: accepted=%d stored=%d missing=%d doubled=%d reported-lost=%d", rig, accepted,
                    stored, missing, doubled, reported);
        }
    }

    /** @return a counter as {@code redis-cli GET} printed it, 0 for a missing key */
    static long counter(List<String> cliOutput) {
        return cliOutput.isEmpty() || cliOutput.get(0).isBlank() ? 0 : Long.parseLong(cliOutput.get(0).trim());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
