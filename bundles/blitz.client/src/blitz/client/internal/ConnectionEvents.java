// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.SessionSummary;
import blitz.model.connection.ConnectionListener;
import blitz.model.connection.ConnectionStatus;

/** Tells the connection's listeners (and the log) what happened on the link to the runtime. Thread-safe. */
final class ConnectionEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEvents.class);

    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();

    void add(ConnectionListener listener) {
        listeners.add(listener);
    }

    void remove(ConnectionListener listener) {
        listeners.remove(listener);
    }

    void statusChanged(ConnectionStatus status, String detail) {
        LOG.info("runtime connection {}: {}", status, detail);
        listeners.forEach(listener -> listener.statusChanged(status, detail));
    }

    void error(String message) {
        LOG.warn(message);
        listeners.forEach(listener -> listener.error(message));
    }

    void loggingChanged(boolean logging) {
        listeners.forEach(listener -> listener.loggingChanged(logging));
    }

    void sessionsChanged(List<SessionSummary> sessions) {
        listeners.forEach(listener -> listener.sessionsChanged(sessions));
    }

    void liveLine(String line, long receivedMillis) {
        listeners.forEach(listener -> listener.liveLine(line, receivedMillis));
    }
}
