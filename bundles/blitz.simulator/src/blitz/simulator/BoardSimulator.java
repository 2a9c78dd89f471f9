// SPDX-License-Identifier: EPL-2.0
package blitz.simulator;

import java.io.IOException;
import java.nio.file.Path;

import blitz.simulator.internal.LineReplay;
import blitz.simulator.internal.PtyBoardServer;

/**
 * A running simulated board serving one device path (normally one end of a pty pair). It reopens
 * the path by itself when the device goes away and comes back, keeping its state (logging, buffer,
 * sequence numbers), like a board whose USB cable was pulled. All methods are thread-safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface BoardSimulator extends AutoCloseable {

    /**
     * Starts serving {@code device} on the simulator's own threads; returns at once. If the path does
     * not exist yet the simulator waits for it.
     */
    static BoardSimulator serve(Path device, SimulatorOptions options) {
        return serve(device, options, new SimulatedClock(SimulatedClock.Settings.ideal()));
    }

    /**
     * As {@link #serve(Path, SimulatorOptions)}, with a board clock that drifts, jitters, resets or
     * wraps as {@code clock} says.
     *
     * @since 1.1
     */
    static BoardSimulator serve(Path device, SimulatorOptions options, SimulatedClock clock) {
        return PtyBoardServer.start(device, options, clock);
    }

    /**
     * Like {@link #serve(Path, SimulatorOptions)}, but the board sends the raw lines of {@code file} in
     * turn, over and over, at the options' rate, instead of generated signals: one hex board line per
     * line (any board id), blank lines and {@code #} comments skipped. Each line's timestamp is replaced
     * by the board's clock; numbering, buffering and the host protocol work as for generated messages.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when a line is not a board message or the file holds none
     */
    static BoardSimulator replay(Path device, SimulatorOptions options, Path file) throws IOException {
        return PtyBoardServer.replay(device, options, LineReplay.read(file));
    }

    /**
     * @return the board id of the first board line of a replay file, the id a board replaying it should answer with
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when a line is not a board message or the file holds none
     */
    static int replayBoardId(Path file) throws IOException {
        return LineReplay.read(file).boardId();
    }

    SimulatorOptions options();

    /** @return the board's clock: the truth its timestamps come from. @since 1.1 */
    SimulatedClock clock();

    /** @return {@link System#nanoTime()} when logging started (true time 0 of {@link #clock()}). @since 1.1 */
    long logStartNanos();

    /** @return whether the host has started logging (START received, no STOP since) */
    boolean logging();

    /** @return messages generated since the board was created (including those overwritten) */
    long generated();

    /** @return data messages sent in TRANSMIT replies */
    long transmitted();

    /** @return messages overwritten in the full circular buffer before they were sent */
    long overwritten();

    /** @return junk lines sent */
    long garbageLines();

    /** @return the last line received from the host that was not TRANSMIT, or {@code ""} */
    String lastCommand();

    /** @return times the device was (re)opened */
    long opens();

    /** Stops serving and closes the device. */
    @Override
    void close() throws IOException;
}
