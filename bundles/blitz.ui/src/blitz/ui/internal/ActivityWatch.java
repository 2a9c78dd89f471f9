// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Display;

import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.LoggerConnection;
import blitz.protocol.wire.RuntimeActivity;

/**
 * Asks the runtime for its boards' activity ({@code STATS}: rate, time since the last message, what
 * is silent) every {@link #PERIOD_MS} while connected to a runtime that reports it, and hands it to
 * the UI thread. Stops when the display goes or {@link #close()} is called.
 */
public final class ActivityWatch implements AutoCloseable {
    /** How often the activity is asked for: about the runtime's silence watch's own period. */
    public static final int PERIOD_MS = 2_000;
    private static final RuntimeActivity NONE = new RuntimeActivity(List.of(), new TreeSet<>(), 0, 0);

    private final Display display;
    private final Supplier<LoggerConnection> connection;
    private final Consumer<RuntimeActivity> onUi;
    private volatile boolean closed;
    private boolean asking;

    private ActivityWatch(Display display, Supplier<LoggerConnection> connection, Consumer<RuntimeActivity> onUi) {
        this.display = display;
        this.connection = connection;
        this.onUi = onUi;
    }

    /** Starts watching; {@code onUi} runs on the UI thread with each answer (nothing known: no board). */
    public static ActivityWatch start(Display display, Supplier<LoggerConnection> connection,
            Consumer<RuntimeActivity> onUi) {
        ActivityWatch watch = new ActivityWatch(display, connection, onUi);
        display.asyncExec(watch::tick);
        return watch;
    }

    private void tick() {
        if (closed || display.isDisposed()) {
            return;
        }
        LoggerConnection current = connection.get();
        if (!asking && current != null && current.status() == ConnectionStatus.CONNECTED
                && current.capabilities().contains(LoggerConnection.STATS)) {
            asking = true;
            Background.load("Asking the runtime for its boards' activity", display,
                    () -> current.query("STATS").map(RuntimeActivity::parse).orElse(NONE), activity -> {
                        asking = false;
                        if (!closed) {
                            onUi.accept(activity);
                        }
                    });
        } else if (current == null || current.status() != ConnectionStatus.CONNECTED) {
            onUi.accept(NONE);
        }
        display.timerExec(PERIOD_MS, this::tick);
    }

    /** @return the words the status line adds for what is silent, empty when nothing is */
    public static String silenceMark(RuntimeActivity activity) {
        StringBuilder mark = new StringBuilder();
        Set<Integer> boards = activity.silentBoards();
        if (!boards.isEmpty()) {
            mark.append(" — ⚠ silent: board");
            mark.append(boards.size() > 1 ? "s " : " ");
            boards.forEach(id -> mark.append(String.format(Locale.ROOT, "%02x ", id)));
            mark.setLength(mark.length() - 1);
        }
        if (activity.silentSession() != 0) {
            mark.append(" — ⚠ session ").append(activity.silentSession()).append(" stores nothing");
        }
        return mark.toString();
    }

    @Override
    public void close() {
        closed = true;
    }
}
