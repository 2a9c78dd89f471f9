// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.util.List;

import blitz.logger.LiveActivity;
import blitz.logger.LoggingRuntime;
import blitz.logger.LiveActivity.LineBatch;
import blitz.protocol.wire.Command;
import blitz.protocol.wire.ErrorCode;
import blitz.protocol.wire.LiveLines;

/**
 * The {@code LIVE [<after>]} extension: every line the runtime received after the client's sequence
 * number, from the runtime's ring of received lines (see {@code docs/protocol-logger.md}, Live at full
 * rate). Answered in every state: lines flow with or without a session.
 */
final class LiveReplies {
    private final LoggingRuntime runtime;
    private final LiveActivity activity;

    LiveReplies(LoggingRuntime runtime, LiveActivity activity) {
        this.runtime = runtime;
        this.activity = activity;
    }

    String live(String[] t) {
        long after;
        if (t.length == 1) {
            after = Long.MAX_VALUE; // no position yet: only where to go on from
        } else if (t.length == 2 && t[1].matches("\\d{1,18}")) {
            after = Long.parseLong(t[1]);
        } else {
            return ErrorCode.BAD_REQUEST.reply("usage: " + Command.LIVE + " [<after>]");
        }
        LineBatch batch = activity.linesAfter(after, LiveLines.MAX_LINES);
        long now = System.currentTimeMillis();
        List<LiveLines.Line> lines = batch.lines().stream()
                .map(received -> new LiveLines.Line(Math.max(0, now - received.receivedMs()), received.line())).toList();
        return new LiveLines(activity.epoch(), runtime.currentSession().orElse(0), batch.lastSequence(), batch.missed(), batch.pending(), lines).reply();
    }
}
