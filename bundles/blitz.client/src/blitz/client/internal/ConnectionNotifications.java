// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.Notification;
import blitz.model.client.ClientStore;
import blitz.model.connection.ConnectionListener;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.LoggerConnection;

/**
 * Mirrors what a user should know about the runtime into the workbench's notifications: connection
 * problems and errors the runtime answered, and the runtime's own notifications (sessions, losses,
 * sources, pre-flight warnings) when it offers them. Runs on a thread of its own, since connection
 * listeners must not call the connection back.
 */
@Component(immediate = true, service = {})
public class ConnectionNotifications implements ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionNotifications.class);

    private final LoggerConnection connection;
    private final ClientStore store;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "blitz-runtime-notifications");
        thread.setDaemon(true);
        return thread;
    });
    /** The newest runtime notification already mirrored, per runtime endpoint. Worker thread only. */
    private final Map<String, Long> mirroredUpTo = new HashMap<>();
    private volatile ConnectionStatus last = ConnectionStatus.DISCONNECTED;

    @Activate
    public ConnectionNotifications(@Reference LoggerConnection connection, @Reference ClientStore store) {
        this.connection = connection;
        this.store = store;
        connection.addListener(this);
    }

    @Deactivate
    void deactivate() {
        connection.removeListener(this);
        worker.shutdown();
    }

    @Override
    public void statusChanged(ConnectionStatus status, String detail) {
        ConnectionStatus before = last;
        last = status;
        switch (status) {
        case REFUSED, TIMED_OUT, RECONNECTING -> log("Runtime connection " + words(status) + ": " + detail,
                Notification.WARNING);
        case AUTHENTICATION_FAILED -> log("Runtime connection refused our token: " + detail, Notification.ERROR);
        case CONNECTED -> {
            if (before == ConnectionStatus.RECONNECTING || before == ConnectionStatus.TIMED_OUT) {
                log("Runtime connection restored: " + detail, Notification.INFO);
            }
            worker.execute(this::mirrorRuntimeNotifications);
        }
        default -> {
        }
        }
    }

    @Override
    public void loggingChanged(boolean logging) {
        worker.execute(this::mirrorRuntimeNotifications);
    }

    @Override
    public void error(String message) {
        log("Runtime: " + message, Notification.ERROR);
    }

    private static String words(ConnectionStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** Copies the runtime's notifications newer than the last one copied ({@code NOTIFICATIONS <after>}). */
    private void mirrorRuntimeNotifications() {
        String endpoint = connection.endpoint().map(Object::toString).orElse("");
        long after = mirroredUpTo.getOrDefault(endpoint, 0L);
        List<String> lines = connection.query("NOTIFICATIONS " + after).orElse(List.of());
        for (String line : lines) {
            String[] fields = line.split(" ", 4);
            if (fields.length < 4 || fields[0].equals("NOTIFICATIONS")) {
                continue;
            }
            try {
                long id = Long.parseLong(fields[0]);
                int severity = Integer.parseInt(fields[2]);
                log("Runtime " + endpoint + ": " + fields[3], severity);
                after = Math.max(after, id);
            } catch (NumberFormatException e) {
                LOG.debug("not a notification line: {}", line);
            }
        }
        mirroredUpTo.put(endpoint, after);
    }

    private void log(String description, int severity) {
        try {
            store.logError(description, severity);
        } catch (RuntimeException e) {
            LOG.warn("could not store the notification: {}", description, e);
        }
    }
}
