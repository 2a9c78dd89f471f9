// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import blitz.model.Session;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.model.sync.DownloadReport;
import blitz.model.sync.Progress;
import blitz.model.sync.SessionSync;
import blitz.ui.internal.TinyLogger;
import blitz.testing.swt.UiFixture;

/**
 * The Sessions buttons run their operation in a job, show its progress and cancel it: driven against a
 * session sync stand-in that reports progress slowly (the real one is not written yet), the real store
 * and the real connection to a ZeroMQ peer.
 */
class SessionOperationsTest {
    private static final long MESSAGES = 2000;

    /** Downloads {@link #MESSAGES} messages at one per millisecond, stopping when cancelled. */
    private static final class SlowSync implements SessionSync {
        final AtomicLong cancelledAt = new AtomicLong(-1);

        @Override
        public List<Session> refreshSessionList() {
            return List.of();
        }

        @Override
        public DownloadReport download(long sessionId, Progress progress) {
            progress.begin("Downloading session " + sessionId, MESSAGES);
            for (long done = 1; done <= MESSAGES; done++) {
                if (progress.isCancelled()) {
                    cancelledAt.set(done);
                    return new DownloadReport(sessionId, done, done, 0, 0, 0, DownloadReport.State.CANCELLED,
                            "cancelled");
                }
                progress.worked(done);
                sleep(1);
            }
            return new DownloadReport(sessionId, MESSAGES, MESSAGES, 0, 0, 0, DownloadReport.State.VERIFIED, "");
        }

        @Override
        public DownloadReport redecode(long sessionId, Progress progress) {
            return new DownloadReport(sessionId, 6, 6, 0, 0, 0, DownloadReport.State.COMPLETE_UNVERIFIED, "");
        }

        @Override
        public boolean deleteSession(long sessionId) {
            return false;
        }

        @Override
        public long exportCsv(long sessionId, Path file, Progress progress) {
            return 0;
        }
    }

    private final LoggerConnection connection = UiFixture.service(LoggerConnection.class);

    @AfterEach
    void disconnect() {
        connection.disconnect();
    }

    @Test
    void downloadShowsProgressAndCancels() throws Exception {
        TestStore.memory();
        SlowSync sync = new SlowSync();
        ServiceRegistration<SessionSync> registration = FrameworkUtil.getBundle(getClass()).getBundleContext()
                // Outranks the real sync service, which is running too.
                .registerService(SessionSync.class, sync,
                        new Hashtable<>(Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE)));
        try (UiFixture ui = new UiFixture(); TinyLogger logger = new TinyLogger()) {
            ui.make(SessionsPart.class);
            Table table = ui.table();
            UiFixture.waitUntil("sessions listed", 10_000, () -> table.getItemCount() >= 2);
            new Thread(() -> connection.connect(Endpoint.of("127.0.0.1", logger.port()))).start();

            table.select(0);
            table.notifyListeners(SWT.Selection, new Event());
            Button download = button(ui, "Download");
            UiFixture.waitUntil("Download enabled once connected", 15_000, () -> {
                table.notifyListeners(SWT.Selection, new Event());
                return download.isEnabled();
            });
            download.notifyListeners(SWT.Selection, new Event());

            ProgressBar bar = UiFixture.find(ui.shell(), ProgressBar.class).get(0);
            UiFixture.waitUntil(() -> "progress shown, bar at " + bar.getSelection(), 10_000,
                    () -> bar.isVisible() && bar.getSelection() > 0);
            assertTrue(!download.isEnabled(), "one operation at a time");
            button(ui, "Cancel").notifyListeners(SWT.Selection, new Event());
            Label state = UiFixture.find(ui.shell(), Label.class).get(0);
            UiFixture.waitUntil(() -> "cancelled outcome shown: " + state.getText(), 10_000,
                    () -> state.getText().contains("cancelled after") && !bar.isVisible());
            assertTrue(sync.cancelledAt.get() > 0 && sync.cancelledAt.get() < MESSAGES, "stopped early");

            // Re-decode the downloaded session (row 1: the fixtures' available session)
            table.select(1);
            table.notifyListeners(SWT.Selection, new Event());
            Button redecode = button(ui, "Re-decode");
            UiFixture.waitUntil("Re-decode enabled", 5_000, redecode::isEnabled);
            redecode.notifyListeners(SWT.Selection, new Event());
            UiFixture.waitUntil(() -> "re-decode outcome shown: " + state.getText(), 10_000,
                    () -> state.getText().startsWith("Session 1: 6 messages, 6 readings"));
            assertEquals("✓", table.getItem(1).getText(0));
            ui.screenshot("sessions-operations");
        } finally {
            registration.unregister();
        }
    }

    private static Button button(UiFixture ui, String text) {
        return UiFixture.find(ui.shell(), Button.class).stream().filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
