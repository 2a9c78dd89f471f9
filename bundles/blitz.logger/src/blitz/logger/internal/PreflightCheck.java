// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import blitz.logger.Preflight;
import blitz.logger.Preflight.Verdict;
import blitz.model.server.StoreHealth;

/**
 * The pre-flight arithmetic, free of OSGi so that it can be read and tested on its own. See
 * {@link Preflight} for the rules.
 */
final class PreflightCheck {
    /** Bits on the wire per byte: start bit, 8 data bits, stop bit. */
    static final int BITS_PER_BYTE = 10;
    /** Above this share of the line's capacity the plan is reported as too close to the limit. */
    static final double UTILISATION_LIMIT = 0.8;
    /** More than this many messages waiting in the store's buffer is worth a warning. */
    static final long STORE_BACKLOG_LIMIT = 10_000;

    /**
     * @param sourceId source
     * @param baud     its line's baud rate, 0 when it is not a serial line (no line budget applies)
     * @param boards   its boards
     */
    record SourcePlan(String sourceId, int baud, List<BoardPlan> boards) {
    }

    /** @param rate messages per second planned for the board */
    record BoardPlan(int boardId, double rate) {
    }

    /**
     * @param lineLength     characters per message on the wire, terminator included
     * @param pollingMs      time between two TRANSMIT polls
     * @param bufferMessages messages a board can hold between polls
     */
    record Settings(int lineLength, long pollingMs, int bufferMessages) {
    }

    private PreflightCheck() {
    }

    static Preflight check(List<SourcePlan> sources, Settings settings, StoreHealth store) {
        List<String> reasons = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        lines.add("store: " + (store.connected() ? "connected" : "NOT CONNECTED") + ", " + store.bufferedMessages()
                + " messages waiting; " + store.detail());
        if (!store.connected()) {
            reasons.add("The store does not answer (" + store.detail() + "): no session can start.");
            return new Preflight(Verdict.UNAVAILABLE, reasons, lines);
        }
        if (store.bufferedMessages() > STORE_BACKLOG_LIMIT) {
            reasons.add("The store has " + store.bufferedMessages() + " messages not yet stored.");
        }
        if (sources.stream().allMatch(s -> s.boards().isEmpty())) {
            reasons.add("No board is attached: the session will record nothing.");
        }
        for (SourcePlan source : sources) {
            checkSource(source, settings, reasons, lines);
        }
        return new Preflight(reasons.isEmpty() ? Verdict.OK : Verdict.WARNING, reasons, lines);
    }

    private static void checkSource(SourcePlan source, Settings settings, List<String> reasons, List<String> lines) {
        double messagesPerSecond = source.boards().stream().mapToDouble(BoardPlan::rate).sum();
        double bytesPerSecond = messagesPerSecond * settings.lineLength();
        if (source.baud() > 0) {
            double capacity = (double) source.baud() / BITS_PER_BYTE;
            double utilisation = bytesPerSecond / capacity;
            lines.add(String.format(Locale.ROOT, "source %s: %d boards, %.1f msg/s x %d chars = %.0f B/s of %.0f B/s at %d baud (%.0f %%)",
                    source.sourceId(), source.boards().size(), messagesPerSecond, settings.lineLength(), bytesPerSecond,
                    capacity, source.baud(), utilisation * 100));
            if (utilisation > 1) {
                reasons.add(String.format(Locale.ROOT,
                        "Source %s cannot be sustained: its boards need %.0f B/s but %d baud carries %.0f B/s; boards will overflow and lose data.",
                        source.sourceId(), bytesPerSecond, source.baud(), capacity));
            } else if (utilisation > UTILISATION_LIMIT) {
                reasons.add(String.format(Locale.ROOT, "Source %s uses %.0f %% of its line (%d baud): little margin for polling and retries.",
                        source.sourceId(), utilisation * 100, source.baud()));
            }
        } else {
            lines.add(String.format(Locale.ROOT, "source %s: %d boards, %.1f msg/s (not a serial line)", source.sourceId(),
                    source.boards().size(), messagesPerSecond));
        }
        double pollSeconds = settings.pollingMs() / 1000.0;
        for (BoardPlan board : source.boards()) {
            double perPoll = board.rate() * pollSeconds;
            lines.add(String.format(Locale.ROOT, "  board %02x: %.2f msg/s, %.0f per %.1f s poll, buffer %d", board.boardId(),
                    board.rate(), perPoll, pollSeconds, settings.bufferMessages()));
            if (source.baud() > 0 && perPoll > settings.bufferMessages()) {
                reasons.add(String.format(Locale.ROOT,
                        "Board %02x on %s fills its %d-message buffer in %.1f s but is polled every %.1f s: its oldest messages will be overwritten.",
                        board.boardId(), source.sourceId(), settings.bufferMessages(), settings.bufferMessages() / board.rate(),
                        pollSeconds));
            }
        }
    }
}
