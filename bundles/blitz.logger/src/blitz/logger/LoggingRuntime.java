// SPDX-License-Identifier: EPL-2.0
package blitz.logger;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import blitz.model.Notification;
import blitz.model.server.ServerStore;
import blitz.model.server.StoreUnavailableException;
import blitz.model.source.CommandResult;

/**
 * The headless logging runtime: it attaches itself as the {@link blitz.model.source.MessageSink} of
 * every {@link blitz.model.source.MessageSource} service, keeps the latest decoded value of every
 * variable, stores every message in the {@link ServerStore} while a session runs, and records every
 * loss it hears of in the gap ledger. Registered as an OSGi service by {@code blitz.logger}; the
 * stored sessions are read through the {@link SessionReader} service, never through the store itself.
 *
 * <p>Guarantees:
 * <ul>
 * <li><b>Sources.</b> A source service is started with the runtime as its sink when it appears and
 * stopped when it leaves or the runtime stops. Lines flow (and the live cache is fed) whether or not
 * a session runs.</li>
 * <li><b>Sessions.</b> {@link #startSession()} runs the {@link #preflight()} check, then stops every
 * source (each drains its boards), opens a store session and starts the sources again, so the
 * boards' clocks count from the session start as in the original. {@link #stopSession()} stops every
 * source (draining the boards' buffers into the session), closes the store session and starts the
 * sources again for live data. The sources stop side by side, so either call waits for the slowest
 * source's bounded stop, not for the sum; each logs how long it took and where the time went. While
 * a session runs every line a source delivers is queued in the store, in the order it arrived.</li>
 * <li><b>Live cache.</b> The newest decoded value of each variable, zero values included, kept with
 * or without a session; lines that cannot be decoded are counted, never cached.</li>
 * <li><b>Gap ledger.</b> Every {@link blitz.model.source.LossEvent} a source reports is recorded with
 * its time, source, board and count. Those reported while a session runs belong to that session and
 * are kept on disk beside it until the session is deleted, so {@link #gaps(long)} answers after a
 * restart.</li>
 * <li><b>Notifications.</b> Session changes, losses, sources coming and going and pre-flight warnings
 * are numbered {@link Notification}s, kept in a bounded ring ({@link #notifications(long)}) and
 * passed to every {@link RuntimeListener} service.</li>
 * <li>All methods are thread-safe; none throws for bad input other than as documented.</li>
 * </ul>
 */
@org.osgi.annotation.versioning.ProviderType
public interface LoggingRuntime {

    /**
     * Starts a logging session, unless one runs already.
     *
     * @return the pre-flight report the start was based on; its verdict is never
     *         {@link Preflight.Verdict#UNAVAILABLE} (then nothing starts and this throws)
     * @throws IllegalStateException if a session runs already ({@link #currentSession()} tells which)
     * @throws StoreUnavailableException if the store does not answer; no session is started
     */
    Preflight startSession() throws StoreUnavailableException;

    /**
     * Stops the running session after draining the boards; every message accepted for it is stored
     * when this returns.
     *
     * @return the id of the stopped session, empty if none ran
     */
    OptionalLong stopSession();

    /** @return whether a session runs */
    boolean isLogging();

    /** @return the running session's id, empty when none runs */
    OptionalLong currentSession();

    /**
     * Deletes a stored session and its gap ledger.
     *
     * @return whether the session existed
     */
    boolean deleteSession(long sessionId);

    /** @return the newest value of every variable, keyed by variable name, ordered by name */
    Map<String, LiveValue> live();

    /** @return every board known: announced by a source or seen in a message, ordered by id */
    List<BoardInfo> boards();

    /**
     * Sends a command to a board through the source that holds it.
     *
     * @param boardId    0..255
     * @param hexCommand instruction and arguments in hex
     * @return the board's answer; {@link CommandResult#failed} with a reason when no source holds the board
     */
    CommandResult sendBoardCommand(int boardId, String hexCommand);

    /** @return one entry per attached source, ordered by source id */
    List<SourceInfo> sources();

    /** @return per-board counters, ordered by board id */
    List<BoardStatistics> boardStatistics();

    /** @return the runtime's own counters */
    RuntimeStatistics statistics();

    /**
     * @param sessionId a session id
     * @return that session's gap ledger, oldest first; empty for a session with no loss or an unknown id
     */
    List<GapRecord> gaps(long sessionId);

    /** @return the most recent losses reported with no session running (bounded), oldest first */
    List<GapRecord> gapsOutsideSessions();

    /**
     * Checks whether the boards, their message rates, the ports, the polling and the store can
     * sustain a session, without starting one.
     */
    Preflight preflight();

    /**
     * @param afterId only notifications with a larger id ({@code 0} for all kept)
     * @return the kept notifications newer than {@code afterId}, oldest first
     */
    List<Notification> notifications(long afterId);
}
