// SPDX-License-Identifier: EPL-2.0
package blitz.client.replay;

import java.util.List;
import java.util.function.Consumer;

/**
 * Plays a downloaded session through the live values ({@code blitz.model.sync.LiveValues}) as if it
 * were being logged again, at 1× to 100× its original pace, so the Live variables view and the live
 * plot show it. Provided as an OSGi service by {@code blitz.client}.
 *
 * <p>Guarantees:
 * <ul>
 * <li>Readings are read from the client store in time order (time stamp, then store id), a bounded
 * page per variable at a time: a session of any length is never held in memory.</li>
 * <li>Every reading is replayed in order: {@link ReplayState#delivered()} counts each one. A reading is
 * due when the session time since the start (or the last seek, resume or speed change) has passed,
 * divided by the speed: the original gaps are kept. When the replay falls behind (a slow disk, a
 * dense session at 100×) it catches up without sleeping.</li>
 * <li>The live values see at most one value per variable every {@link #MIN_UPDATE_INTERVAL_MS} ms
 * (about 20 updates a second, whatever the speed); values in between are coalesced, the newest one
 * kept, and the last value of every variable is always shown at the end.</li>
 * <li>While it plays, {@code LiveValues.source()} is a replay ({@code LiveSource.label()} reads
 * "Replay of session N at 10×"), and lines from the runtime are not shown. After the end the last
 * values stay shown, marked finished, until {@link #stop()}; stop forgets them and gives the live
 * values back to the runtime.</li>
 * <li>A replay is refused while the connected runtime is logging, and a running replay stops by
 * itself when the runtime starts logging: live data always wins, since a user who starts a session
 * wants to see it, and mixing both in one view would mislead. (Replay works without any connection.)</li>
 * <li>Replay runs on a thread of its own; every method is thread-safe and returns at once, except
 * {@link #start} which first reads the session's variables and time range from the store (call it off
 * a UI thread). Listeners are called on that thread (or the caller's, for a control call) and must be
 * quick.</li>
 * </ul>
 */
@org.osgi.annotation.versioning.ProviderType
public interface SessionReplay {

    /** Slowest speed: the original pace. */
    double MIN_SPEED = 1;
    /** Fastest speed. */
    double MAX_SPEED = 100;
    /** The speeds a user is offered. */
    List<Double> SPEEDS = List.of(1.0, 2.0, 5.0, 10.0, 50.0, 100.0);
    /** Least time between two values of one variable given to the live values. */
    long MIN_UPDATE_INTERVAL_MS = 50;

    /**
     * Starts replaying a downloaded session from its first reading, replacing any replay under way.
     *
     * @param sessionId the runtime's session id of a downloaded session
     * @param speed     from {@link #MIN_SPEED} to {@link #MAX_SPEED}
     * @throws IllegalArgumentException for a speed out of range, or a session that is not stored or has
     *                                  no readings
     * @throws IllegalStateException    while the connected runtime is logging
     */
    void start(long sessionId, double speed);

    /** Holds the replay where it is; nothing happens unless it plays. */
    void pause();

    /** Continues a paused replay from where it was held; nothing happens unless it is paused. */
    void resume();

    /**
     * Changes the speed of the replay under way (or of the next one started from the current state);
     * gaps from now on are divided by the new speed.
     *
     * @throws IllegalArgumentException for a speed out of range (nothing changes)
     */
    void setSpeed(double speed);

    /**
     * Moves the replay to a session time (ms, as the readings' time stamps), clamped to the session's
     * range; the values shown so far are forgotten. A finished replay becomes paused there.
     *
     * @throws IllegalStateException when no replay is under way
     */
    void seek(long sessionTime);

    /** Ends the replay and gives the live values back to the runtime; nothing happens when idle. */
    void stop();

    /** @return the replay's state now */
    ReplayState state();

    /**
     * @param listener called with each new state: on every phase change, and while playing about ten
     *                 times a second with the position
     * @return a handle that removes it
     */
    AutoCloseable subscribe(Consumer<ReplayState> listener);

    /**
     * @throws IllegalArgumentException unless {@code speed} is from {@link #MIN_SPEED} to {@link #MAX_SPEED}
     */
    static void checkSpeed(double speed) {
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("Replay speed must be from " + (int) MIN_SPEED + "× to "
                    + (int) MAX_SPEED + "×, not " + speed + "×");
        }
    }
}
