// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.List;
import java.util.Locale;

import blitz.logger.BoardStatistics;
import blitz.logger.LiveActivity.Silence;

/** The boards part of {@code blitz:status}: one aligned, labelled row per board, then what is silent. */
final class BoardActivityTable {
    private static final String ROW = "%-6s %-12s %10s %12s %12s %8s  %s%n";

    private BoardActivityTable() {
    }

    static String format(List<BoardStatistics> boards, Silence silence, long nowMs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, ROW, "board", "source", "messages", "rate (msg/s)", "last seen",
                "lost", "state"));
        for (BoardStatistics board : boards) {
            out.append(String.format(Locale.ROOT, ROW, String.format(Locale.ROOT, "%02x", board.boardId()),
                    board.sourceId(), board.messages(), String.format(Locale.ROOT, "%.1f", board.rate()),
                    lastSeen(board.lastSeenMs(), nowMs), board.lost(),
                    silence.boards().contains(board.boardId()) ? "SILENT" : "ok"));
        }
        silence.boards().stream().filter(id -> boards.stream().noneMatch(b -> b.boardId() == id))
                .forEach(id -> out.append(String.format(Locale.ROOT, ROW, String.format(Locale.ROOT, "%02x", id), "-", 0,
                        "0.0", "never", 0, "SILENT")));
        out.append(String.format(Locale.ROOT, "silence limit: %d s; %s%n", silence.limitMs() / 1000,
                silence.sessionId() != 0 ? "session " + silence.sessionId() + " stores NOTHING"
                        : "no session without data"));
        return out.toString();
    }

    /** @return how long ago, "12.3 s ago", or "never" */
    static String lastSeen(long lastSeenMs, long nowMs) {
        return lastSeenMs == 0 ? "never" : String.format(Locale.ROOT, "%.1f s ago", Math.max(0, nowMs - lastSeenMs) / 1000.0);
    }
}
