// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import blitz.model.connection.ConnectionStatus;
import blitz.protocol.wire.Command;
import blitz.protocol.wire.Replies;

/**
 * Whether the runtime logs, and while it does, the polling that passes new live lines to the
 * listeners: every line since the last one seen ({@link EveryLinePoll}, {@code LIVE}) when the runtime
 * offers it, every {@code livePeriodMs}; else the original's {@code UPDATE} (the newest line only)
 * every {@code updatePeriodMs}. The polling runs on the {@link ConnectionWorker}.
 */
final class LiveUpdates {
    private static final Pattern BOARD_LINE = Pattern.compile("[0-9A-Fa-f]{4,}");

    private final ConnectionWorker worker;
    private final ConnectionEvents events;
    private final Supplier<ConnectionConfig> config;
    private RuntimeLink link;
    private EveryLinePoll everyLine;
    private volatile boolean logging;
    /** Touched only on the worker thread. */
    private ScheduledFuture<?> polling;

    LiveUpdates(ConnectionWorker worker, ConnectionEvents events, Supplier<ConnectionConfig> config) {
        this.worker = worker;
        this.events = events;
        this.config = config;
    }

    /** @param polled the link the updates are polled on (it reports back here, so it comes second) */
    void pollOn(RuntimeLink polled) {
        this.link = polled;
        this.everyLine = new EveryLinePoll(polled, events, BOARD_LINE);
    }

    boolean isLogging() {
        return logging;
    }

    /** Listeners hear of a new session before its first live line is polled (alarms start afresh then). */
    void setLogging(boolean nowLogging) {
        boolean changed = logging != nowLogging;
        logging = nowLogging;
        if (changed) {
            events.loggingChanged(nowLogging);
        }
        if (nowLogging) {
            worker.later(() -> {
                if (polling == null && link.isOpen()) {
                    start();
                }
            });
        } else {
            worker.later(this::stop);
        }
    }

    /** On the worker: restarts a running polling with the configured period. */
    void reconfigure() {
        if (polling != null) {
            start();
        }
    }

    /** On the worker: stops polling (until the runtime is seen logging again). */
    void stop() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    private void start() {
        stop();
        boolean every = offersEveryLine();
        if (every) {
            everyLine.restart();
            poll(); // where the session's lines start: at once, not a period later
        }
        polling = worker.every(this::poll, every ? config.get().livePeriodMs() : config.get().updatePeriodMs());
    }

    private boolean offersEveryLine() {
        return link.capabilities().contains(ReplyReader.LIVE);
    }

    private void poll() {
        if (!link.isOpen() || link.status() != ConnectionStatus.CONNECTED) {
            return;
        }
        if (offersEveryLine()) {
            everyLine.poll().filter(session -> session == 0).ifPresent(none -> setLogging(false));
            return;
        }
        Optional<String> reply = link.exchange(Command.UPDATE.name());
        reply.ifPresent(text -> {
            if (text.equals(Replies.NOSESSION)) {
                setLogging(false);
            } else if (Replies.isError(text)) {
                events.error("UPDATE: " + text);
            } else if (BOARD_LINE.matcher(text).matches()) {
                // The original client took any 4-character reply (even NACK) for a board line; we check.
                events.liveLine(text, System.currentTimeMillis());
            }
        });
    }
}
