// SPDX-License-Identifier: EPL-2.0
package blitz.model.connection;

import java.util.List;

import blitz.model.SessionSummary;

/**
 * Events of a {@link LoggerConnection}. Called from the connection's own thread: implementations must
 * be quick and must not call back into the connection synchronously (UI code hands events to the UI
 * thread). Every method has an empty default.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ConnectionListener {

    /** The link changed; {@code detail} says why in words a user understands. */
    default void statusChanged(ConnectionStatus status, String detail) {
    }

    /**
     * The runtime started or stopped logging (seen by a probe, a reply or our own command). A start is
     * told before the first live line of that session reaches {@link #liveLine(String)}, so a listener
     * can reset per-session state here. (A stop and a new start by another client between two of this
     * connection's polls are not seen: they look like one session.)
     */
    default void loggingChanged(boolean logging) {
    }

    /** A live raw board line from UPDATE polling. */
    default void liveLine(String line) {
    }

    /**
     * A live raw board line with when the runtime received it, by this machine's clock: every line
     * comes this way (the default passes it on to {@link #liveLine(String)}). With {@code UPDATE} the
     * time is when the reply came; with {@code LIVE} (every line since the last one seen) it is the
     * reply's time less the line's age in the runtime, so the lines of one reply keep their spacing.
     */
    default void liveLine(String line, long receivedMillis) {
        liveLine(line);
    }

    /** The runtime's session list was fetched. */
    default void sessionsChanged(List<SessionSummary> sessions) {
    }

    /** The runtime answered with an error, or a request failed. */
    default void error(String message) {
    }
}
