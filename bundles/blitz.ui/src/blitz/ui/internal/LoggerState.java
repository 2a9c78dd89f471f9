// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.util.Optional;

import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.Endpoint;

/**
 * The original client's enablement rules (disconnected: only Connect; connected: Disconnect, Start, the
 * list updates and Reset; logging: Stop instead of Start and the list updates), driven by the
 * connection's real status, and the words the status line uses for it.
 */
public final class LoggerState {
    private LoggerState() {
    }

    /** Connect is offered whenever no link is up or being made (a refused or timed-out one may be retried). */
    public static boolean canConnect(ConnectionStatus status) {
        return status != ConnectionStatus.CONNECTED && status != ConnectionStatus.CONNECTING
                && status != ConnectionStatus.RECONNECTING;
    }

    /** Disconnect is offered while a link exists, even one that is retrying. */
    public static boolean canDisconnect(ConnectionStatus status) {
        return status != ConnectionStatus.DISCONNECTED && status != ConnectionStatus.REFUSED;
    }

    public static boolean canStart(ConnectionStatus status, boolean logging) {
        return status == ConnectionStatus.CONNECTED && !logging;
    }

    public static boolean canStop(ConnectionStatus status, boolean logging) {
        return status == ConnectionStatus.CONNECTED && logging;
    }

    public static boolean canReset(ConnectionStatus status) {
        return status == ConnectionStatus.CONNECTED;
    }

    /** The session and board lists are asked for while connected and idle, as the original did. */
    public static boolean canUpdateLists(ConnectionStatus status, boolean logging) {
        return status == ConnectionStatus.CONNECTED && !logging;
    }

    /** @return the status line's text for a connection state */
    public static String describe(ConnectionStatus status, boolean logging, Optional<Endpoint> endpoint) {
        String where = endpoint.map(e -> e.host() + ":" + e.port()).orElse("the logger");
        return switch (status) {
        case DISCONNECTED -> endpoint.isPresent() ? "Disconnected from logger" : "Blitz Logger is ready";
        case CONNECTING -> "Connecting to " + where + "…";
        case CONNECTED -> "Connected to logger at " + where + (logging ? " — logging a session" : " — idle");
        case RECONNECTING -> "Connection to " + where + " lost — reconnecting…";
        case REFUSED -> "Connection refused: nothing usable at " + where;
        case AUTHENTICATION_FAILED -> "The logger at " + where + " refused the access token";
        case TIMED_OUT -> "The logger at " + where + " does not answer — retrying";
        };
    }
}
