// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import blitz.model.connection.ConnectionStatus;

/** The original's enablement rules and its title-cased variable names. */
class LoggerStateTest {

    @Test
    void disconnectedOffersOnlyConnect() {
        ConnectionStatus status = ConnectionStatus.DISCONNECTED;
        assertTrue(LoggerState.canConnect(status));
        assertFalse(LoggerState.canDisconnect(status));
        assertFalse(LoggerState.canStart(status, false));
        assertFalse(LoggerState.canStop(status, false));
        assertFalse(LoggerState.canReset(status));
        assertFalse(LoggerState.canUpdateLists(status, false));
    }

    @Test
    void connectedIdleOffersStartAndTheListsButNotStop() {
        ConnectionStatus status = ConnectionStatus.CONNECTED;
        assertFalse(LoggerState.canConnect(status));
        assertTrue(LoggerState.canDisconnect(status));
        assertTrue(LoggerState.canStart(status, false));
        assertFalse(LoggerState.canStop(status, false));
        assertTrue(LoggerState.canReset(status));
        assertTrue(LoggerState.canUpdateLists(status, false));
    }

    @Test
    void loggingOffersStopInsteadOfStartAndTheLists() {
        ConnectionStatus status = ConnectionStatus.CONNECTED;
        assertFalse(LoggerState.canStart(status, true));
        assertTrue(LoggerState.canStop(status, true));
        assertFalse(LoggerState.canUpdateLists(status, true));
        assertTrue(LoggerState.canDisconnect(status));
    }

    @Test
    void aRetryingLinkCanBeDroppedButNotCommanded() {
        for (ConnectionStatus status : new ConnectionStatus[] { ConnectionStatus.RECONNECTING,
                ConnectionStatus.TIMED_OUT }) {
            assertTrue(LoggerState.canDisconnect(status));
            assertFalse(LoggerState.canStart(status, false));
            assertFalse(LoggerState.canStop(status, true));
        }
        assertTrue(LoggerState.canConnect(ConnectionStatus.REFUSED));
        assertFalse(LoggerState.canDisconnect(ConnectionStatus.REFUSED));
    }
}
