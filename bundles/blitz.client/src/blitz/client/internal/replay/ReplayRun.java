// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal.replay;

import java.util.List;
import java.util.Map;

import blitz.client.replay.ReplayState;
import blitz.client.replay.ReplayState.Phase;
import blitz.model.client.TimeSpan;
import blitz.model.sync.LiveSource;

/** One replay of {@link PagedSessionReplay}; every field is guarded by the replay service's lock. */
final class ReplayRun {
    /** A replayed variable as the live values show it. */
    record Variable(String name, String unit, int boardId) {
    }

    /** The replay clock: session time {@code anchorTime} at {@code anchorNanos}, advancing {@code speed} times as fast. */
    record Clock(long anchorNanos, long anchorTime, double speed) {
        long timeAt(long nanos) {
            return anchorTime + (long) Math.floor((nanos - anchorNanos) / 1e6 * speed);
        }

        long nanosFor(long time) {
            return anchorNanos + (long) Math.ceil((time - anchorTime) * 1e6 / speed);
        }
    }

    final long sessionId;
    final long sessionStart;
    final long firstTime;
    final long lastTime;
    final List<Long> categoryIds;
    final Map<Long, Variable> variables;
    Phase phase = Phase.PLAYING;
    Clock clock;
    long pausedAt;
    /** Time of the next reading not yet replayed: where the replay really is when it falls behind its clock. */
    long nextTime = Long.MAX_VALUE;
    long delivered;
    long seeks;
    /** Counts control calls, so the replay thread never sleeps through one. */
    long controls;
    Long seekTarget;

    ReplayRun(long sessionId, long sessionStart, TimeSpan range, Map<Long, Variable> variables, double speed) {
        this.sessionId = sessionId;
        this.sessionStart = sessionStart;
        this.firstTime = range.first();
        this.lastTime = range.last();
        this.variables = variables;
        this.categoryIds = List.copyOf(variables.keySet());
        this.clock = new Clock(System.nanoTime(), firstTime, speed);
    }

    long position(long nanos) {
        long time = switch (phase) {
        case PLAYING -> Math.min(clock.timeAt(nanos), nextTime);
        case FINISHED -> lastTime;
        default -> pausedAt;
        };
        return Math.max(firstTime, Math.min(lastTime, time));
    }

    ReplayState state() {
        return new ReplayState(phase, sessionId, clock.speed(), firstTime, lastTime, position(System.nanoTime()),
                delivered, "");
    }

    LiveSource source() {
        LiveSource source = LiveSource.replay(sessionId, clock.speed());
        return phase == Phase.FINISHED ? source.withFinished() : source;
    }
}
