// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import blitz.logger.GapRecord;
import blitz.logger.LiveActivity;
import blitz.logger.LoggingRuntime;
import blitz.logger.Preflight;
import blitz.logger.RuntimeStatistics;
import blitz.logger.SessionReader;
import blitz.model.SessionSummary;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.server.StoreUnavailableException;
import blitz.model.source.LossEvent;

/**
 * Gogo shell commands {@code blitz:status}, {@code blitz:start}, ... Plain methods returning text, so
 * the bundle needs no Gogo import.
 */
@Component(service = ShellCommands.class, property = { "osgi.command.scope=blitz", "osgi.command.function=status",
        "osgi.command.function=start", "osgi.command.function=stop", "osgi.command.function=sessions",
        "osgi.command.function=boards", "osgi.command.function=live", "osgi.command.function=gaps",
        "osgi.command.function=preflight" })
public class ShellCommands {
    private final LoggingRuntime runtime;
    private final SessionReader stored;
    private final LiveActivity activity;
    private final DecoderRegistry decoders;

    @Activate
    public ShellCommands(@Reference LoggingRuntime runtime, @Reference SessionReader stored,
            @Reference LiveActivity activity, @Reference DecoderRegistry decoders) {
        this.runtime = runtime;
        this.stored = stored;
        this.activity = activity;
        this.decoders = decoders;
    }

    /** {@code blitz:status}: session, store, sources, counters and each board's rate, last message and silence. */
    public String status() {
        StringBuilder out = new StringBuilder();
        OptionalLong session = runtime.currentSession();
        out.append(session.isPresent() ? "logging, session " + session.getAsLong() : "idle").append('\n');
        out.append("store: ").append(stored.health()).append('\n');
        RuntimeStatistics s = runtime.statistics();
        out.append(String.format(Locale.ROOT, "lines received %d, stored %d, refused %d, undecodable %d, unknown board %d, losses %d%n",
                s.received(), s.stored(), s.refused(), s.undecodable(), s.unknownBoard(), s.lossEvents()));
        runtime.sources().forEach(source -> out.append(String.format(Locale.ROOT, "source %s (%s): %s, boards %s, %s%n",
                source.id(), source.description(), source.state(), source.boardIds(), source.statistics())));
        out.append(BoardActivityTable.format(runtime.boardStatistics(), activity.silence(), System.currentTimeMillis()));
        return out.toString();
    }

    /** {@code blitz:start}: starts a session after the pre-flight check. */
    public String start() {
        try {
            Preflight preflight = runtime.startSession();
            return "session " + runtime.currentSession().orElse(0) + " started; pre-flight " + preflight.summary();
        } catch (IllegalStateException | StoreUnavailableException e) {
            return "not started: " + e.getMessage();
        }
    }

    /** {@code blitz:stop}: stops the running session. */
    public String stop() {
        OptionalLong stopped = runtime.stopSession();
        return stopped.isPresent() ? "session " + stopped.getAsLong() + " stopped" : "no session runs";
    }

    /** {@code blitz:sessions}: id, start, end ("running", or "interrupted" when the runtime died), message count, newest first. */
    public String sessions() {
        List<SessionSummary> sessions = stored.sessions();
        if (sessions.isEmpty()) {
            return "no sessions";
        }
        long running = runtime.currentSession().orElse(0);
        // a session with no end that is not the running one was cut short by a runtime that died
        return sessions.stream().map(s -> String.format(Locale.ROOT, "%5d  %s  %s  %d messages", s.id(),
                Instant.ofEpochMilli(s.start()), s.end().isPresent() ? Instant.ofEpochMilli(s.end().getAsLong())
                        : s.id() == running ? "running" : "interrupted",
                s.count())).collect(Collectors.joining("\n"));
    }

    /** {@code blitz:boards}: every known board with its source and where its decoder comes from. */
    public String boards() {
        return runtime.boards().stream().map(b -> String.format(Locale.ROOT, "%-9s %-45s on %s%s", b.description().label(),
                b.description().description(), b.sourceId(), decoderOrigin(b.boardId()))).collect(Collectors.joining("\n"));
    }

    private String decoderOrigin(int boardId) {
        String origin = decoders.origin(boardId);
        return origin.isEmpty() ? "" : ", decoder: " + origin;
    }

    /** {@code blitz:live}: the newest value of every variable. */
    public String live() {
        return runtime.live().values().stream().map(v -> String.format(Locale.ROOT, "%-24s %14.6f %-6s board %02x, %d ms",
                v.name(), v.value(), v.unit(), v.boardId(), v.boardTime())).collect(Collectors.joining("\n"));
    }

    /** {@code blitz:gaps}: losses reported outside sessions. */
    public String gaps() {
        return format(runtime.gapsOutsideSessions());
    }

    /** {@code blitz:gaps <session>}: a session's gap ledger. */
    public String gaps(long sessionId) {
        return format(runtime.gaps(sessionId));
    }

    /** {@code blitz:preflight}: what a session started now would face. */
    public String preflight() {
        Preflight preflight = runtime.preflight();
        return preflight.summary() + "\n" + String.join("\n", preflight.lines());
    }

    private static String format(List<GapRecord> records) {
        if (records.isEmpty()) {
            return "no losses recorded";
        }
        return records.stream().map(r -> {
            LossEvent e = r.event();
            return String.format(Locale.ROOT, "%s  %-10s board %3s  %-15s x%-6d %s", Instant.ofEpochMilli(e.timeMs()),
                    r.sourceId(), e.boardId() < 0 ? "?" : String.format(Locale.ROOT, "%02x", e.boardId()), e.kind(),
                    e.count(), e.detail());
        }).collect(Collectors.joining("\n"));
    }
}
