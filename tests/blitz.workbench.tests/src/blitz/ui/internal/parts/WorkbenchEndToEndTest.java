// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import blitz.logger.LoggingRuntime;
import blitz.model.Session;
import blitz.model.client.ClientStore;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.LoggerConnection;
import blitz.testing.swt.UiFixture;
import blitz.ui.internal.LoggerAddon;
import blitz.ui.internal.handlers.ConnectHandler;
import blitz.ui.internal.handlers.StartHandler;
import blitz.ui.internal.handlers.StopHandler;

/**
 * The workbench's whole story, as a user lives it, against a real logging runtime in the same
 * framework: simulated board 8 on a socat pty pair read by the real serial source, the logger protocol
 * on a free loopback port, the client services, and the client store on Derby files. The workbench's
 * own views and Logger commands run on a real SWT shell: connect through the Connect dialog, start,
 * watch live values change and plot them live, stop, download (verified against the runtime's digest),
 * plot the session, export PNG and CSV. Screenshots of each stage go to the module's work folder.
 */
class WorkbenchEndToEndTest {
    private static final long TIMEOUT_MS = 30_000;
    /** The exported image's title (22 px) and the legend under it. */
    private static final int LEGEND_HEIGHT = 52;
    private static final long LOGGING_MS = 8_000;
    private static final Path WORK = Path.of(System.getProperty("blitz.test.workdir", "target/work"));

    @Test
    void connectLogWatchStopDownloadPlotAndExport() throws Exception {
        int port = WorkbenchProtocol.start();
        LoggerConnection connection = UiFixture.service(LoggerConnection.class);
        LoggingRuntime runtime = UiFixture.service(LoggingRuntime.class);
        ClientStore store = UiFixture.service(ClientStore.class);
        store.createTables(false);
        Files.createDirectories(WORK);

        try (UiFixture ui = new UiFixture()) {
            Shell shell = ui.shell();
            shell.setText("Blitz Data Logger");
            shell.setSize(1024, 768); // the workbench's default window size
            assertTrue(ui.context().get(IEventBroker.class) != null, "the workbench's event broker");
            ui.addon(LoggerAddon.class);
            SashForm columns = new SashForm(shell, SWT.HORIZONTAL);
            SashForm left = new SashForm(columns, SWT.VERTICAL);
            SashForm right = new SashForm(columns, SWT.VERTICAL);
            columns.setWeights(62, 38);
            Composite plotArea = new Composite(left, SWT.NONE);
            Object plot = ui.make(plotViewClass(), plotArea);
            Composite sessionsArea = new Composite(left, SWT.NONE);
            SessionsPart sessions = ui.make(SessionsPart.class, sessionsArea);
            left.setWeights(55, 45);
            Composite runtimeArea = new Composite(right, SWT.NONE);
            ui.make(RuntimePart.class, runtimeArea);
            Composite liveArea = new Composite(right, SWT.NONE);
            ui.make(LiveVariablesPart.class, liveArea);
            shell.layout(true, true);

            IEclipseContext commands = ui.context().createChild("commands");
            commands.set(IServiceConstants.ACTIVE_SHELL, shell);

            // Logger ▸ Connect…: the dialog, filled in and confirmed as a user does
            answerConnectDialog(shell.getDisplay(), port);
            assertTrue(run(new ConnectHandler(), commands), "Connect is enabled before connecting");
            UiFixture.waitUntil(() -> "connected, status " + connection.status(), TIMEOUT_MS,
                    () -> connection.status() == ConnectionStatus.CONNECTED);
            Table boards = UiFixture.find(runtimeArea, Table.class).get(0);
            UiFixture.waitUntil(() -> "board 8 marked connected: " + UiFixture.rows(boards), TIMEOUT_MS,
                    () -> UiFixture.rows(boards).stream().anyMatch(row -> row.subList(0, 4)
                            .equals(List.of("8 (08)", "Blitz Basic Expansion Board", "5", "✓"))));

            // Logger ▸ Start (F5)
            assertTrue(run(new StartHandler(), commands), "Start is enabled once connected");
            UiFixture.waitUntil("the runtime logging", TIMEOUT_MS,
                    () -> connection.isLogging() && runtime.currentSession().isPresent());
            long session = runtime.currentSession().getAsLong();

            Table live = UiFixture.find(liveArea, Table.class).get(0);
            UiFixture.waitUntil(() -> "board 8's five variables live: " + UiFixture.rows(live), TIMEOUT_MS,
                    () -> live.getItemCount() >= 5);
            List<String> firstValues = column(live, 1);
            UiFixture.waitUntil(() -> "live values changing from " + firstValues, TIMEOUT_MS,
                    () -> !column(live, 1).equals(firstValues));

            Button liveButton = button(plotArea, "Live");
            liveButton.setSelection(true);
            liveButton.notifyListeners(SWT.Selection, new Event());
            Table plotted = UiFixture.find(plotArea, Table.class).get(0);
            UiFixture.waitUntil("live variables offered to plot", TIMEOUT_MS, () -> plotted.getItemCount() >= 5);
            for (int item = 0; item < 2; item++) {
                check(plotted, item);
            }
            // the plot says where it saved a PNG, and the pictures show it: a neutral folder, not the build's
            Path lab = Files.createTempDirectory(Path.of("/tmp"), "lab"); // not the build's java.io.tmpdir
            Path livePng = lab.resolve("plot-live.png");
            UiFixture.waitUntil("the live plot drawing its lines", TIMEOUT_MS,
                    () -> linePixels(exportPng(plot, livePng)) > 100);
            UiFixture.spin(LOGGING_MS); // a few seconds more logging, for the session and the picture
            ui.screenshot("workbench-live");

            // Logger ▸ Stop (Shift+F5): the session appears in Sessions, not downloaded yet
            assertTrue(run(new StopHandler(), commands), "Stop is enabled while logging");
            UiFixture.waitUntil("the runtime stopped", TIMEOUT_MS, () -> !connection.isLogging());
            Table sessionTable = UiFixture.find(sessionsArea, Table.class).get(0);
            UiFixture.waitUntil(() -> "session " + session + " listed: " + UiFixture.rows(sessionTable), TIMEOUT_MS,
                    () -> rowOf(sessionTable, session) >= 0);

            // Download: verified against the runtime's count and SHA-256
            sessionTable.select(rowOf(sessionTable, session));
            sessionTable.notifyListeners(SWT.Selection, new Event());
            Button download = button(sessionsArea, "Download");
            UiFixture.waitUntil("Download enabled", TIMEOUT_MS, download::isEnabled);
            download.notifyListeners(SWT.Selection, new Event());
            Label outcome = UiFixture.find(sessionsArea, Label.class).get(0);
            UiFixture.waitUntil(() -> "download verified: " + outcome.getText(), TIMEOUT_MS,
                    () -> outcome.getText().endsWith("verified."));
            Session stored = store.getSession(session).orElseThrow();
            assertTrue(stored.available(), "the downloaded session is available");
            assertTrue(stored.numberOfReadings() >= 5, "readings stored: " + stored.numberOfReadings());
            UiFixture.waitUntil("the session marked downloaded", TIMEOUT_MS,
                    () -> "✓".equals(sessionTable.getItem(rowOf(sessionTable, session)).getText(0)));

            // Plot the session (Live off), export it as PNG
            liveButton.setSelection(false);
            liveButton.notifyListeners(SWT.Selection, new Event());
            Combo sessionChooser = UiFixture.find(plotArea, Combo.class).get(0);
            String dated = "Session " + session + " \u2014 "; // then its start's date and time
            UiFixture.waitUntil("the plot offering the session", TIMEOUT_MS,
                    () -> Arrays.stream(sessionChooser.getItems()).anyMatch(item -> item.startsWith(dated)));
            sessionChooser.select(Arrays.stream(sessionChooser.getItems()).filter(item -> item.startsWith(dated))
                    .findFirst().map(item -> sessionChooser.indexOf(item)).orElseThrow());
            sessionChooser.notifyListeners(SWT.Selection, new Event());
            // Seen twice without this pause: the chosen session was never drawn (the plot back at "Choose a
            // session" over the live axis) though no store read was left running. Not yet explained.
            UiFixture.spin(3_000);
            Path sessionPng = lab.resolve("plot-session.png");
            UiFixture.waitUntil("the session's plot drawn", TIMEOUT_MS,
                    () -> linePixels(exportPng(plot, sessionPng)) > 100);
            ImageData exported = new ImageLoader().load(sessionPng.toString())[0];
            assertTrue(exported.width > 300 && exported.height > 200, "a PNG of the chart: " + exported.width);
            pointAtTheMiddle(UiFixture.find(plotArea, Canvas.class).get(0)); // the cursor readout, for the picture
            UiFixture.spin(500);
            ui.screenshot("workbench-session");

            // Export CSV: header and one row per stored row, as many as the view reports
            Path csv = lab.resolve("session-" + session + ".csv"); // the outcome line names it
            Files.deleteIfExists(csv);
            sessions.exportCsv(stored, csv);
            UiFixture.waitUntil(() -> "CSV written: " + outcome.getText(), TIMEOUT_MS,
                    () -> outcome.getText().contains("rows written to"));
            long rows = Long.parseLong(outcome.getText().replaceAll("^Session \\d+: (\\d+) rows.*$", "$1"));
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertTrue(rows > 0, outcome.getText());
            assertEquals(rows + 1, lines.size(), "a header and the rows: " + lines.subList(0, 2));

            // Replay the downloaded session at 10× through Live variables and the live Plot, then stop
            Button replay = button(sessionsArea, "Replay");
            UiFixture.waitUntil("Replay enabled for the downloaded session", TIMEOUT_MS, replay::isEnabled);
            Combo speed = UiFixture.find(sessionsArea, Combo.class).get(0);
            speed.select(speed.indexOf("10×"));
            speed.notifyListeners(SWT.Selection, new Event());
            liveButton.setSelection(true);
            liveButton.notifyListeners(SWT.Selection, new Event());
            replay.notifyListeners(SWT.Selection, new Event());
            Label liveState = UiFixture.find(liveArea, Label.class).get(0);
            String replaying = "Replay of session " + session + " at 10×";
            UiFixture.waitUntil(() -> "Live variables showing the replay to its end: " + liveState.getText(), TIMEOUT_MS,
                    () -> liveState.getText().equals(replaying + ", finished") && live.getItemCount() >= 5);
            UiFixture.waitUntil("the live Plot labelled as a replay", TIMEOUT_MS, () -> UiFixture
                    .find(plotArea, Label.class).stream().anyMatch(label -> label.getText().startsWith(replaying)));
            ui.screenshot("workbench-replay");
            button(sessionsArea, "Stop replay").notifyListeners(SWT.Selection, new Event());
            UiFixture.waitUntil(() -> "Live variables back to the runtime: " + liveState.getText(), TIMEOUT_MS,
                    () -> liveState.getText().isEmpty());
        } finally {
            connection.disconnect();
            runtime.stopSession();
        }
    }

    /** Runs a Logger command as a key binding does: only when its enablement says so. */
    private static boolean run(Object handler, IEclipseContext context) {
        if (!(Boolean) ContextInjectionFactory.invoke(handler, CanExecute.class, context)) {
            return false;
        }
        ContextInjectionFactory.invoke(handler, Execute.class, context);
        return true;
    }

    /** The Connect dialog runs its own event loop: fill it in from a timer that loop dispatches. */
    private static void answerConnectDialog(Display display, int port) {
        display.timerExec(100, new Runnable() {
            @Override
            public void run() {
                Shell dialog = Arrays.stream(display.getShells())
                        .filter(s -> !s.isDisposed() && s.getText().equals("Connect to data logger")).findFirst()
                        .orElse(null);
                if (dialog == null) {
                    display.timerExec(100, this);
                    return;
                }
                List<Text> fields = UiFixture.find(dialog, Text.class);
                fields.get(0).setText("127.0.0.1");
                fields.get(1).setText(Integer.toString(port));
                Button ok = UiFixture.find(dialog, Button.class).stream()
                        .filter(b -> Integer.valueOf(IDialogConstants.OK_ID).equals(b.getData())).findFirst()
                        .orElseThrow();
                assertTrue(ok.isEnabled(), "OK enabled for a valid address");
                ok.notifyListeners(SWT.Selection, new Event());
            }
        });
    }

    /** The Plot view lives in the charts bundle: created from its class, as the E4 model does. */
    private static Class<?> plotViewClass() throws ClassNotFoundException {
        return bundle("blitz.ui.charts").loadClass("blitz.ui.charts.internal.PlotView");
    }

    private static Bundle bundle(String symbolicName) {
        return WorkbenchProtocol.bundle(symbolicName);
    }

    /**
     * What Export PNG… writes once its (native GTK) file dialog returns a name: the dialog itself cannot be
     * driven from SWT, so the test calls the step after it.
     */
    private static ImageData exportPng(Object plot, Path file) {
        try {
            Method export = plot.getClass().getDeclaredMethod("exportPng", Path.class);
            export.setAccessible(true);
            export.invoke(plot, file);
            return new ImageLoader().load(file.toString())[0];
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Export PNG failed", e);
        }
    }

    /**
     * @return how many pixels below the legend are strongly coloured: the series' lines (axes and their
     *         text are grey, the legend's coloured names are above {@link #LEGEND_HEIGHT})
     */
    private static int linePixels(ImageData image) {
        PaletteData palette = image.palette;
        int count = 0;
        for (int y = LEGEND_HEIGHT; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                RGB rgb = palette.getRGB(image.getPixel(x, y));
                int max = Math.max(rgb.red, Math.max(rgb.green, rgb.blue));
                int min = Math.min(rgb.red, Math.min(rgb.green, rgb.blue));
                if (max - min > 80) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Moves the pointer over the middle of the chart as the mouse does (the cursor readout follows it). */
    private static void pointAtTheMiddle(Canvas canvas) {
        Event move = new Event();
        move.x = canvas.getClientArea().width / 2;
        move.y = canvas.getClientArea().height / 2;
        canvas.notifyListeners(SWT.MouseMove, move);
    }

    /** Ticks a row's check box as a click does. */
    private static void check(Table table, int item) {
        table.getItem(item).setChecked(true);
        Event click = new Event();
        click.detail = SWT.CHECK;
        click.item = table.getItem(item);
        table.notifyListeners(SWT.Selection, click);
    }

    private static List<String> column(Table table, int index) {
        return UiFixture.rows(table).stream().map(row -> row.get(index)).toList();
    }

    private static int rowOf(Table table, long session) {
        return column(table, 1).indexOf(Long.toString(session));
    }

    private static Button button(Control root, String text) {
        return UiFixture.find(root, Button.class).stream().filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }
}
