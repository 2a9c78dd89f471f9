// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.widgets.Display;

import blitz.model.SessionSummary;
import blitz.model.connection.ConnectionListener;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.LoggerConnection;
import blitz.ui.parts.ServiceSlot;

/**
 * Hands a connection's events (called on the connection's own thread) to the UI thread, where
 * {@code onChange} runs. Events that arrive while one is pending are coalesced: the UI reads the
 * connection's current state when it runs, so nothing is lost. Closing it removes the listener.
 */
public final class UiConnectionListener implements ConnectionListener, AutoCloseable {
    private final LoggerConnection connection;
    private final Display display;
    private final Runnable onChange;
    private final AtomicBoolean pending = new AtomicBoolean();

    private UiConnectionListener(LoggerConnection connection, Display display, Runnable onChange) {
        this.connection = connection;
        this.display = display;
        this.onChange = onChange;
    }

    /** Starts listening; {@code onChange} runs on the UI thread after each burst of events. */
    public static UiConnectionListener attach(LoggerConnection connection, Display display, Runnable onChange) {
        UiConnectionListener listener = new UiConnectionListener(connection, display, onChange);
        connection.addListener(listener);
        return listener;
    }

    /**
     * @return a slot for the injected connection that keeps a listener on it: {@code onChange} runs on the
     *         UI thread when the connection is replaced and after each burst of its events
     */
    public static ServiceSlot<LoggerConnection> slot(Runnable onChange) {
        return ServiceSlot.of(onChange, (connection, display) -> attach(connection, display, onChange));
    }

    @Override
    public void statusChanged(ConnectionStatus status, String detail) {
        changed();
    }

    @Override
    public void loggingChanged(boolean logging) {
        changed();
    }

    @Override
    public void sessionsChanged(List<SessionSummary> sessions) {
        changed();
    }

    private void changed() {
        if (pending.compareAndSet(false, true) && !display.isDisposed()) {
            display.asyncExec(() -> {
                pending.set(false);
                onChange.run();
            });
        }
    }

    @Override
    public void close() {
        connection.removeListener(this);
    }
}
