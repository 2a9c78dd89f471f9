// SPDX-License-Identifier: EPL-2.0
package blitz.model.sync;

import java.util.Locale;

/**
 * Where the values of {@link LiveValues} come from: the connected runtime, or a replay of a
 * downloaded session. Views show {@link #label()} so a replay is never taken for a running session.
 *
 * @param replay    {@code true} for a replay, {@code false} for the runtime
 * @param sessionId the replayed session (runtime session id), {@code -1} for the runtime
 * @param speed     the replay's speed factor (1 for the runtime)
 * @param finished  {@code true} once a replay reached the end of its session (the last values stay shown)
 */
public record LiveSource(boolean replay, long sessionId, double speed, boolean finished) {
    /** Values from the connected runtime (the default). */
    public static final LiveSource RUNTIME = new LiveSource(false, -1, 1, false);

    public static LiveSource replay(long sessionId, double speed) {
        return new LiveSource(true, sessionId, speed, false);
    }

    public LiveSource withFinished() {
        return new LiveSource(replay, sessionId, speed, true);
    }

    /** @return empty for the runtime, else e.g. {@code "Replay of session 3 at 10×"} ({@code ", finished"} at the end) */
    public String label() {
        if (!replay) {
            return "";
        }
        String factor = speed == Math.rint(speed) ? Long.toString((long) speed) : String.format(Locale.ROOT, "%.1f", speed);
        return "Replay of session " + sessionId + " at " + factor + "×" + (finished ? ", finished" : "");
    }
}
