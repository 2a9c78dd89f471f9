// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import blitz.logger.BoardStatistics;
import blitz.logger.GapRecord;
import blitz.logger.LiveActivity;
import blitz.logger.LiveActivity.Silence;
import blitz.logger.LoggingRuntime;
import blitz.logger.RuntimeStatistics;
import blitz.logger.SessionReader;
import blitz.logger.SourceInfo;
import blitz.model.Notification;
import blitz.model.server.StoreHealth;
import blitz.model.source.LossEvent;
import blitz.protocol.wire.Command;
import blitz.protocol.wire.ErrorCode;
import blitz.protocol.wire.Replies;
import blitz.protocol.wire.RuntimeActivity;

/**
 * The replies of the read-only extensions answered in every state: {@code STATS} (with each board's
 * rate and idle time, and what is silent), {@code GAPS} and {@code NOTIFICATIONS} (headed by the run's epoch) (see {@code docs/protocol-logger.md}, Extensions).
 */
final class RuntimeReports {
    private final LoggingRuntime runtime;
    private final LiveActivity activity;
    private final SessionReader stored;
    /** The endpoint's counts, for the {@code PROTOCOL} line of {@code STATS}. */
    private final Supplier<String> protocolCounts;

    RuntimeReports(LoggingRuntime runtime, LiveActivity activity, SessionReader stored, Supplier<String> protocolCounts) {
        this.runtime = runtime;
        this.activity = activity;
        this.stored = stored;
        this.protocolCounts = protocolCounts;
    }

    String gaps(String[] t) {
        List<GapRecord> records;
        String label;
        if (t.length == 1) {
            records = runtime.gapsOutsideSessions();
            label = "0";
        } else if (t.length == 2 && t[1].matches("\\d{1,18}")) {
            records = runtime.gaps(Long.parseLong(t[1]));
            label = t[1];
        } else {
            return ErrorCode.BAD_REQUEST.reply("usage: GAPS [<session>]");
        }
        StringBuilder reply = new StringBuilder(Command.GAPS.with(label, records.size()));
        for (GapRecord record : records) {
            LossEvent e = record.event();
            reply.append('\n').append(e.timeMs()).append(' ').append(oneWord(record.sourceId())).append(' ')
                    .append(e.boardId() < 0 ? "-" : Replies.hex(e.boardId())).append(' ').append(e.kind()).append(' ')
                    .append(e.count()).append(' ').append(oneLine(e.detail()));
        }
        return reply.toString();
    }

    String notifications(String[] t) {
        long after = 0;
        if (t.length == 2 && t[1].matches("\\d{1,18}")) {
            after = Long.parseLong(t[1]);
        } else if (t.length != 1) {
            return ErrorCode.BAD_REQUEST.reply("usage: NOTIFICATIONS [<after id>]");
        }
        List<Notification> notifications = runtime.notifications(after);
        StringBuilder reply = new StringBuilder(
                Command.NOTIFICATIONS.with(notifications.size(), Command.EPOCH, activity.epoch()));
        for (Notification n : notifications) {
            reply.append('\n').append(n.id()).append(' ').append(n.timeLogged()).append(' ').append(n.severity())
                    .append(' ').append(oneLine(n.description()));
        }
        return reply.toString();
    }

    String stats() {
        RuntimeStatistics s = runtime.statistics();
        StoreHealth health = stored.health();
        StringBuilder reply = new StringBuilder(Command.STATS.name());
        reply.append(String.format(Locale.ROOT,
                "%nRUNTIME session=%s received=%d stored=%d refused=%d undecodable=%d unknownBoard=%d losses=%d",
                runtime.currentSession().isPresent() ? Long.toString(runtime.currentSession().getAsLong()) : "none",
                s.received(), s.stored(), s.refused(), s.undecodable(), s.unknownBoard(), s.lossEvents()));
        reply.append(String.format(Locale.ROOT, "%nSTORE connected=%b buffered=%d spooled=%d", health.connected(),
                health.bufferedMessages(), health.spooledMessages()));
        reply.append("\nPROTOCOL ").append(protocolCounts.get());
        for (SourceInfo source : runtime.sources()) {
            var st = source.statistics();
            reply.append(String.format(Locale.ROOT,
                    "%nSOURCE %s state=%s messages=%d bytes=%d badLines=%d gaps=%d reconnects=%d boardErrors=%s boards=%s",
                    oneWord(source.id()), source.state(), st.messages(), st.bytes(), st.badLines(), st.gaps(), st.reconnects(),
                    joinErrors(st.boardErrors()),
                    source.boardIds().stream().sorted().map(Replies::hex).collect(Collectors.joining(","))));
        }
        long now = System.currentTimeMillis();
        for (BoardStatistics board : runtime.boardStatistics()) {
            reply.append('\n').append(RuntimeActivity.boardLine(board.boardId(), oneWord(board.sourceId()),
                    board.messages(), board.lastSeenMs(), board.lost(), board.rate(),
                    board.lastSeenMs() == 0 ? -1 : Math.max(0, now - board.lastSeenMs())));
        }
        Silence silence = activity.silence();
        reply.append('\n').append(RuntimeActivity.silenceLine(silence.boards(), silence.sessionId(), silence.limitMs()));
        return reply.toString();
    }

    private static String joinErrors(Map<String, Long> errors) {
        return errors.isEmpty() ? "-" : errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }

    static String oneWord(String text) {
        return text.replaceAll("\\s+", "_");
    }
}
