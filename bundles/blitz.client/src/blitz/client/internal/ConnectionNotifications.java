// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import blitz.protocol.wire.Command;
import blitz.protocol.wire.Replies;

/**
 * Mirrors what a user should know about the runtime into the workbench's notifications: connection
 * problems and errors the runtime answered, and the runtime's own notifications (sessions, losses,
 * sources, pre-flight warnings, silent boards) when it offers them: when the link comes up, when the
 * logging changes and every {@link #MIRROR_PERIOD_MS} while connected. Runs on a thread of its own,
 * since connection listeners must not call the connection back.
 */
@Component(immediate = true, service = {})
public class ConnectionNotifications implements ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionNotifications.class);

    private final LoggerConnection connection;
    private final ClientStore store;
    /** While connected, the runtime's new notifications are fetched this often (a silent board, a loss). */
    static final long MIRROR_PERIOD_MS = 2_000;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "blitz-runtime-notifications");
        thread.setDaemon(true);
        return thread;
    });
    /** The newest runtime notification already mirrored, per runtime endpoint. Worker thread only. */
    private final Map<String, Position> mirroredUpTo = new HashMap<>();
    private volatile ConnectionStatus last = ConnectionStatus.DISCONNECTED;

    @Activate
    public ConnectionNotifications(@Reference LoggerConnection connection, @Reference ClientStore store) {
        this.connection = connection;
        this.store = store;
        connection.addListener(this);
        worker.scheduleWithFixedDelay(this::mirrorWhileConnected, MIRROR_PERIOD_MS, MIRROR_PERIOD_MS,
                TimeUnit.MILLISECONDS);
    }

    private void mirrorWhileConnected() {
        try {
            if (connection.status() == ConnectionStatus.CONNECTED) {
                mirrorRuntimeNotifications();
            }
        } catch (RuntimeException e) {
            LOG.warn("could not copy the runtime's notifications", e);
        }
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

    /**
     * Copies the runtime's notifications newer than the last one copied ({@code NOTIFICATIONS <after>}).
     * A runtime that names its run ({@code EPOCH}) and names another run than last time was restarted:
     * its numbers start again from 1, so everything it kept is copied (its crash warning among them).
     */
    private void mirrorRuntimeNotifications() {
        String endpoint = connection.endpoint().map(Object::toString).orElse("");
        Position position = mirroredUpTo.getOrDefault(endpoint, Position.NONE);
        List<String> lines = connection.query(Command.NOTIFICATIONS.with(position.after())).orElse(List.of());
        if (lines.isEmpty()) {
            // no answer (the runtime went away): keep the position, and the run it belongs to, as they are
            return;
        }
        OptionalLong epoch = Replies.epoch(lines.get(0));
        if (epoch.isPresent() && position.isOtherRunThan(epoch.getAsLong()) && position.after() > 0) {
            LOG.info("the runtime at {} restarted (run {}): copying its notifications from the first", endpoint,
                    epoch.getAsLong());
            position = Position.NONE;
            lines = connection.query(Command.NOTIFICATIONS.with(0)).orElse(List.of());
        }
        long after = position.after();
        for (String line : lines) {
            String[] fields = line.split(" ", 4);
            if (fields.length < 4 || fields[0].equals(Command.NOTIFICATIONS.name())) {
                continue;
            }
            try {
                long id = Long.parseLong(fields[0]);
                long happened = Long.parseLong(fields[1]);
                int severity = Integer.parseInt(fields[2]);
                log("Runtime " + endpoint + ": " + fields[3], severity, happened);
                after = Math.max(after, id);
            } catch (NumberFormatException e) {
                LOG.debug("not a notification line: {}", line);
            }
        }
        mirroredUpTo.put(endpoint, new Position(epoch.isPresent() ? epoch.getAsLong() : -1, after));
    }

    /**
     * How far a runtime's notifications were copied.
     *
     * @param epoch the runtime run they were numbered by, -1 when it did not say
     * @param after the newest copied
     */
    private record Position(long epoch, long after) {
        static final Position NONE = new Position(-1, 0);

        /** @return whether the position is known to belong to another run */
        boolean isOtherRunThan(long run) {
            return epoch >= 0 && epoch != run;
        }
    }

    private void log(String description, int severity) {
        log(description, severity, System.currentTimeMillis());
    }

    private void log(String description, int severity, long timeLogged) {
        try {
            store.logError(description, severity, timeLogged);
        } catch (RuntimeException e) {
            LOG.warn("could not store the notification: {}", description, e);
        }
    }
}
