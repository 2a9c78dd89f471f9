// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;

import blitz.logger.LoggingRuntime;
import blitz.model.DataFolder;
import blitz.model.Notification;
import blitz.model.client.ClientStore;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.model.server.ServerStore;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import blitz.testing.Osgi;
import blitz.testing.SilentSource;
import blitz.testing.swt.UiFixture;
import blitz.ui.internal.LoggerAddon;
import blitz.ui.internal.StatusLineControl;

/**
 * Issue 19 as the user meets it, against the real runtime in the same framework (simulated board 8 at
 * 10 messages/s on a socat pty, read by the serial source): a silent board flagged in the status line
 * and in Runtime &amp; Boards within its limit; the 10 Hz board feeding the live plot 10 points a second;
 * a runtime that died during a session and was started again, whose crash warning reaches the
 * notifications, whose session list is fetched again on the reconnect, and whose cut-short session
 * shows "interrupted".
 */
class WorkbenchLiveAndRestartTest {
    private static final long TIMEOUT_MS = 30_000;
    /** Runtime & Boards: ID, Description, Variables, Connected, Rate, Last seen, Source. */
    private static final int LAST_SEEN = 5;
    private static final String CHANNEL = "adc_channel_one";
    @RegisterExtension
    final Osgi osgi = new Osgi();

    @Test
    void silentBoardTenHertzLiveAndARestartedRuntime() throws Exception {
        int port = WorkbenchProtocol.start();
        LoggingRuntime before = Osgi.await(LoggingRuntime.class);
        osgi.configure("blitz.logger", Map.of("silenceLimitSeconds", 2));
        LoggingRuntime runtime = Osgi.await(LoggingRuntime.class, r -> r != before);
        LoggerConnection connection = UiFixture.service(LoggerConnection.class);
        ClientStore store = UiFixture.service(ClientStore.class);
        store.createTables(false);
        osgi.register(new SilentSource("silent", 0x0a));
        Osgi.eventually("the silent board's source attached",
                () -> runtime.sources().stream().anyMatch(source -> source.id().equals("silent")));

        try (UiFixture ui = new UiFixture()) {
            Shell shell = ui.shell();
            shell.setSize(1200, 800);
            ui.addon(LoggerAddon.class);
            SashForm columns = new SashForm(shell, SWT.VERTICAL);
            Composite runtimeArea = new Composite(columns, SWT.NONE);
            ui.make(RuntimePart.class, runtimeArea);
            Composite sessionsArea = new Composite(columns, SWT.NONE);
            ui.make(SessionsPart.class, sessionsArea);
            Composite statusArea = new Composite(columns, SWT.NONE);
            statusArea.setLayout(new GridLayout());
            ui.make(StatusLineControl.class, statusArea);
            shell.layout(true, true);
            assertEquals(ConnectionStatus.CONNECTED, connection.connect(Endpoint.of("127.0.0.1", port)));

            // a session in which board 0a (announced, silent) never sends, while board 8 sends at 10 Hz
            List<LiveVariable> fed = new CopyOnWriteArrayList<>();
            try (AutoCloseable plotFeed = UiFixture.service(LiveValues.class).subscribe(batch -> batch.stream()
                    .filter(value -> value.name().equals(CHANNEL)).forEach(fed::add))) {
                assertTrue(connection.start().ok());
                long started = System.currentTimeMillis();
                Label status = UiFixture.find(statusArea, Label.class).get(0);
                UiFixture.waitUntil(() -> "the status line marks board 0a: " + status.getText(), TIMEOUT_MS,
                        () -> status.getText().contains("⚠ silent: board 0a"));
                long flaggedAfter = System.currentTimeMillis() - started;
                // limit 2 s + the runtime's 1 s watch + the workbench's 2 s STATS period, with slack for a loaded machine
                assertTrue(flaggedAfter < 8_000, "flagged within its limit: " + flaggedAfter + " ms");
                Table boards = UiFixture.find(runtimeArea, Table.class).get(0);
                UiFixture.waitUntil(() -> "board 0a marked in Runtime & Boards: " + UiFixture.rows(boards), TIMEOUT_MS,
                        () -> UiFixture.rows(boards).stream().anyMatch(row -> row.get(0).equals("10 (0a)")
                                && row.get(LAST_SEEN).startsWith("⚠")));
                assertTrue(UiFixture.rows(boards).stream().anyMatch(row -> row.get(0).equals("8 (08)")
                        && row.get(LAST_SEEN).endsWith("s ago") && !row.get(LAST_SEEN).startsWith("⚠")),
                        "board 8 talks: " + UiFixture.rows(boards));
                UiFixture.waitUntil("the notification", TIMEOUT_MS, () -> store.all(Notification.class).stream()
                        .anyMatch(n -> n.description().contains("Board 0a silent for ")));

                UiFixture.spin(6_000); // the serial source hands over the board's buffer once a second
                ui.screenshot("workbench-silent-board");
                long now = System.currentTimeMillis();
                long lastFour = fed.stream().filter(v -> v.timeMillis() > now - 5_000 && v.timeMillis() <= now - 1_000)
                        .count();
                assertTrue(lastFour >= 36 && lastFour <= 44, "10 points a second for the live plot: " + lastFour
                        + " in 4 s, " + fed.size() + " in all");
                assertTrue(connection.stop().ok());
            }

            // the runtime dies during a session and is started again: the store holds a session that is
            // still open, and the gap ledger the dead run's running marker, as a kill leaves them
            ServerStore serverStore = UiFixture.service(ServerStore.class);
            long cut = serverStore.startSession();
            Path marker = DataFolder.root().resolve("logger").resolve("gaps").resolve("session-" + cut + ".running");
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, Long.toString(System.currentTimeMillis() - 20_000), StandardCharsets.UTF_8);
            Files.setLastModifiedTime(marker, FileTime.fromMillis(System.currentTimeMillis() - 10_000));
            Bundle protocol = WorkbenchProtocol.bundle("blitz.protocol");
            try {
                acknowledgeConnectionLost(shell.getDisplay());
                protocol.stop();
                UiFixture.waitUntil(() -> "the workbench notices: " + connection.status(), TIMEOUT_MS, () -> {
                    connection.boards(); // what any request would meet
                    return connection.status() != ConnectionStatus.CONNECTED;
                });
                osgi.configure("blitz.logger", Map.of("silenceLimitSeconds", 3)); // the new run
                Osgi.await(LoggingRuntime.class, r -> r != runtime);
                protocol.start();
                UiFixture.waitUntil(() -> "reconnected: " + connection.status(), TIMEOUT_MS,
                        () -> connection.status() == ConnectionStatus.CONNECTED);
                UiFixture.waitUntil("the restarted runtime's crash warning", TIMEOUT_MS, () -> store
                        .all(Notification.class).stream().anyMatch(n -> n.description().contains("Session " + cut
                                + ": the runtime stopped while the session was running")));
                Table sessions = UiFixture.find(sessionsArea, Table.class).get(0);
                UiFixture.waitUntil(() -> "session " + cut + " listed, interrupted: " + UiFixture.rows(sessions),
                        TIMEOUT_MS, () -> UiFixture.rows(sessions).stream().anyMatch(
                                row -> row.get(1).equals(Long.toString(cut)) && row.contains(SessionEnd.INTERRUPTED)));
                ui.screenshot("workbench-interrupted-session");
            } finally {
                serverStore.stopSession();
                Files.deleteIfExists(marker);
            }
        } finally {
            connection.disconnect();
            Osgi.await(LoggingRuntime.class).stopSession();
        }
    }

    /** The workbench's "connection lost" box runs its own event loop: press its OK, as the user does. */
    private static void acknowledgeConnectionLost(Display display) {
        display.timerExec(200, new Runnable() {
            @Override
            public void run() {
                Shell box = Arrays.stream(display.getShells()).filter(
                        s -> !s.isDisposed() && s.getText().equals("Blitz Data Logger Connection Error")).findFirst()
                        .orElse(null);
                if (box == null) {
                    display.timerExec(200, this);
                    return;
                }
                box.close();
            }
        });
    }
}
