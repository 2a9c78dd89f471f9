// SPDX-License-Identifier: EPL-2.0
package blitz.client.replay;

import java.util.Locale;

import blitz.model.sync.LiveSource;

/**
 * What a {@link SessionReplay} is doing.
 *
 * @param phase     idle, playing, paused or finished
 * @param sessionId the replayed session, {@code -1} when idle
 * @param speed     the speed factor
 * @param firstTime the session's first time stamp (ms)
 * @param lastTime  the session's last time stamp (ms)
 * @param position  the session time reached (ms, between first and last time)
 * @param delivered readings replayed since the start or the last seek
 * @param detail    why the replay last stopped or could not go on, empty otherwise
 */
public record ReplayState(Phase phase, long sessionId, double speed, long firstTime, long lastTime, long position,
        long delivered, String detail) {

    /** The phases of a replay. */
    public enum Phase {
        /** No replay: the live values belong to the runtime. */
        IDLE,
        /** Readings are being replayed. */
        PLAYING,
        /** Held at {@link ReplayState#position()}. */
        PAUSED,
        /** Every reading was replayed; the last values stay shown until stop. */
        FINISHED
    }

    public static ReplayState idle(double speed, String detail) {
        return new ReplayState(Phase.IDLE, -1, speed, 0, 0, 0, 0, detail);
    }

    /**
     * @return what the replay is doing, for a user, e.g. {@code "Replay of session 3 at 10×: 12.4 s of
     *         60.0 s, 1240 readings"} or {@code "Replay of session 3 paused: …"}; when idle, why (empty
     *         when nothing was asked for)
     */
    public String summary() {
        String where = String.format(Locale.ROOT, "%.1f s of %.1f s, %d readings", (position - firstTime) / 1000.0,
                (lastTime - firstTime) / 1000.0, delivered);
        return switch (phase) {
        case IDLE -> detail;
        case PLAYING -> LiveSource.replay(sessionId, speed).label() + ": " + where;
        case PAUSED -> "Replay of session " + sessionId + " paused: " + where;
        case FINISHED -> "Replay of session " + sessionId + " finished: " + where;
        };
    }

    /** @return the share of the session's time range reached, 0 to 1 */
    public double progress() {
        return lastTime <= firstTime ? (phase == Phase.FINISHED ? 1 : 0)
                : Math.max(0, Math.min(1, (position - firstTime) / (double) (lastTime - firstTime)));
    }
}
