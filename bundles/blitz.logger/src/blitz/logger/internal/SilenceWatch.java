// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.logger.BoardStatistics;
import blitz.logger.LiveActivity.Silence;
import blitz.model.Notification;

/**
 * Finds silence during a session: a board the runtime knows that sent nothing for longer than the
 * limit, and a session that stored nothing for that long (the trial's session that recorded nothing
 * while the screen said it logged). Each raises a warning notification once, and an information
 * notification when data flows again. Checked by the session watch every second; thread-safe.
 */
final class SilenceWatch {
    private static final Logger LOG = LoggerFactory.getLogger(SilenceWatch.class);

    private final IngestCounters counters;
    /** The boards the sources announce (a board announced but never heard is silent too). */
    private final Supplier<Set<Integer>> announced;
    private final RuntimeNotifier notifier;
    private final long limitMs;
    private long session;
    private long sessionStartMs;
    /** Silent boards, with the time they were last heard of (or the session start). */
    private final Map<Integer, Long> silentBoards = new HashMap<>();
    private long storedBefore;
    private long storedChangedMs;
    private boolean sessionSilent;

    SilenceWatch(IngestCounters counters, Supplier<Set<Integer>> announced, RuntimeNotifier notifier, long limitMs) {
        this.counters = counters;
        this.announced = announced;
        this.notifier = notifier;
        this.limitMs = Math.max(1, limitMs);
    }

    synchronized void started(long sessionId, long nowMs) {
        session = sessionId;
        sessionStartMs = nowMs;
        silentBoards.clear();
        storedBefore = counters.statistics().stored();
        storedChangedMs = nowMs;
        sessionSilent = false;
    }

    /** The session ended: nothing is silent any more (no notification: the session's stop says it). */
    synchronized void ended() {
        session = 0;
        silentBoards.clear();
        sessionSilent = false;
    }

    /** Compares what was heard with the limit; called every second while a session runs. */
    synchronized void check(long nowMs) {
        if (session == 0) {
            return;
        }
        checkBoards(nowMs);
        checkStore(nowMs);
    }

    synchronized Silence silence() {
        return new Silence(new TreeSet<>(silentBoards.keySet()), sessionSilent ? session : 0, limitMs);
    }

    private void checkBoards(long nowMs) {
        Map<Integer, Long> lastHeard = new HashMap<>();
        announced.get().forEach(id -> lastHeard.put(id, 0L));
        for (BoardStatistics board : counters.boardStatistics()) {
            lastHeard.put(board.boardId(), board.lastSeenMs());
        }
        lastHeard.forEach((id, seenMs) -> {
            long since = Math.max(seenMs, sessionStartMs);
            Long silentSince = silentBoards.get(id);
            if (silentSince == null && nowMs - since > limitMs) {
                silentBoards.put(id, since);
                warn(String.format(Locale.ROOT, "Board %02x silent for %d s in session %d%s", id,
                        (nowMs - since) / 1000, session, seenMs == 0 ? " (never heard)" : ""));
            } else if (silentSince != null && seenMs > silentSince && nowMs - seenMs <= limitMs) {
                silentBoards.remove(id);
                tell(String.format(Locale.ROOT, "Board %02x resumed in session %d after %d s of silence", id, session,
                        (seenMs - silentSince) / 1000));
            }
        });
    }

    private void checkStore(long nowMs) {
        long stored = counters.statistics().stored();
        if (stored != storedBefore) {
            storedBefore = stored;
            storedChangedMs = nowMs;
            if (sessionSilent) {
                sessionSilent = false;
                tell("Session " + session + " resumed: it stores messages again");
            }
        } else if (!sessionSilent && nowMs - storedChangedMs > limitMs) {
            sessionSilent = true;
            warn(String.format(Locale.ROOT, "Session %d stored nothing for %d s%s", session,
                    (nowMs - storedChangedMs) / 1000, storedChangedMs == sessionStartMs ? " since it started" : ""));
        }
    }

    private void warn(String text) {
        LOG.warn(text);
        notifier.notify(Notification.WARNING, text);
    }

    private void tell(String text) {
        LOG.info(text);
        notifier.notify(Notification.INFO, text);
    }
}
