// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.protocol.wire.Command;
import blitz.protocol.wire.LiveLines;
import blitz.protocol.wire.Replies;

/**
 * Fetches every line the runtime received since the last one this client saw ({@code LIVE <after>}),
 * for a runtime that offers it: the live views and the alarms then see every message, not one per
 * poll. Keeps the position (the runtime run's epoch and the last line's number); a new epoch (a
 * restarted runtime, whose numbers start again) starts from the runtime's newest line. Lines the
 * runtime no longer kept are counted and logged. Used on the {@link ConnectionWorker} thread only.
 */
final class EveryLinePoll {
    private static final Logger LOG = LoggerFactory.getLogger(EveryLinePoll.class);
    /** Replies fetched at most in one poll when the runtime has more pending (1000 lines each). */
    private static final int MAX_ROUNDS = 20;

    private final RuntimeLink link;
    private final ConnectionEvents events;
    private final Pattern boardLine;
    private long epoch = -1;
    /** The number of the last line seen, -1 before the runtime told where to start. */
    private long last = -1;
    private long missed;

    EveryLinePoll(RuntimeLink link, ConnectionEvents events, Pattern boardLine) {
        this.link = link;
        this.events = events;
        this.boardLine = boardLine;
    }

    /** Forgets the position: the next poll starts from the runtime's newest line. */
    void restart() {
        last = -1;
    }

    /** @return lines the runtime no longer held when this client asked for them, since it started */
    long missed() {
        return missed;
    }

    /**
     * Fetches the new lines and passes each on, dated by this machine's clock.
     *
     * @return the running session's id (0 for none), empty when the runtime did not answer readably
     */
    Optional<Long> poll() {
        Optional<LiveLines> batch;
        int rounds = 0;
        do {
            Optional<String> reply = link.exchange(last < 0 ? Command.LIVE.name() : Command.LIVE.with(last));
            if (reply.isEmpty()) {
                return Optional.empty();
            }
            long arrived = System.currentTimeMillis();
            batch = LiveLines.parse(reply.get());
            if (batch.isEmpty()) {
                events.error(Replies.isError(reply.get()) ? "LIVE: " + reply.get()
                        : "the runtime sent a LIVE reply this client cannot read");
                return Optional.empty();
            }
            take(batch.get(), arrived);
        } while (batch.get().pending() > 0 && ++rounds < MAX_ROUNDS);
        return Optional.of(batch.get().session());
    }

    private void take(LiveLines batch, long arrived) {
        if (batch.epoch() != epoch && last >= 0) {
            LOG.info("the runtime restarted (run {} after {}): live lines go on from its newest", batch.epoch(), epoch);
            epoch = batch.epoch();
            last = batch.lines().isEmpty() ? batch.last() : -1;
            return;
        }
        epoch = batch.epoch();
        if (batch.missed() > 0) {
            missed += batch.missed();
            LOG.warn("the live view missed {} lines: the runtime no longer kept them ({} missed in all)", batch.missed(),
                    missed);
        }
        for (LiveLines.Line line : batch.lines()) {
            if (boardLine.matcher(line.text()).matches()) {
                events.liveLine(line.text(), arrived - line.ageMs());
            }
        }
        last = batch.last();
    }
}
