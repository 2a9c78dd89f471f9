// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import blitz.clock.ClockEvent;
import blitz.clock.EnvelopeClockFit;
import blitz.model.source.LossEvent;

/**
 * One board clock fit per board of the running session, fed with every message's timestamp and receive
 * time, so that a board reset (its time going back) and the 32-bit wrap become gap ledger entries.
 * A new session starts new fits (the boards' clocks restart with it). Thread-safe: sources call in on
 * their own threads; each board's fit is fed under its own lock.
 */
final class BoardClocks {
    /** By source, then board id: no key is built per message (the ingest path is measured in ns). */
    private final Map<String, EnvelopeClockFit[]> fits = new ConcurrentHashMap<>();
    private volatile long session;

    /**
     * @return the clock event this message revealed, as a ledger entry, or empty
     */
    Optional<LossEvent> observe(long sessionId, String sourceId, int boardId, long stamp, long receivedMs) {
        if (sessionId != session) {
            synchronized (this) {
                if (sessionId != session) {
                    fits.clear();
                    session = sessionId;
                }
            }
        }
        EnvelopeClockFit[] boards = fits.computeIfAbsent(sourceId, id -> new EnvelopeClockFit[256]);
        EnvelopeClockFit fit;
        synchronized (boards) {
            fit = boards[boardId];
            if (fit == null) {
                fit = new EnvelopeClockFit();
                boards[boardId] = fit;
            }
        }
        synchronized (fit) {
            int before = fit.eventCount();
            fit.add(stamp, receivedMs);
            if (fit.eventCount() == before) {
                return Optional.empty();
            }
            ClockEvent event = fit.events().get(before);
            return Optional.of(new LossEvent(event.kind() == ClockEvent.Kind.RESET ? LossEvent.Kind.CLOCK_RESET
                    : LossEvent.Kind.CLOCK_WRAP, boardId, 1, receivedMs, event.kind() == ClockEvent.Kind.RESET
                            ? "board time went back from " + event.stampBefore() + " to " + event.stampAfter() + " ms: the board restarted"
                            : "the 32-bit millisecond counter wrapped (" + event.stampBefore() + " to " + event.stampAfter() + " ms)"));
        }
    }
}
