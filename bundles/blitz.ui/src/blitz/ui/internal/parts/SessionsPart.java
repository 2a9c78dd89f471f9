// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.EventHandler;

import blitz.client.replay.SessionReplay;
import blitz.model.Session;
import blitz.model.client.NotificationLog;
import blitz.model.client.SessionCatalog;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.LoggerConnection;
import blitz.model.sync.DownloadReport;
import blitz.model.sync.Progress;
import blitz.model.sync.SessionSync;
import blitz.ui.internal.Background;
import blitz.ui.internal.Names;
import blitz.ui.internal.Problems;
import blitz.ui.internal.UiConnectionListener;
import blitz.ui.parts.ServiceSlot;
import blitz.ui.topics.UiTopics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Sessions: the session list mirrored in the client store, and the operations on one session (Download,
 * Export CSV, Delete, Re-decode) run by the session sync service in a job, one at a time, with a
 * progress bar and Cancel. Results refresh the table; failures are reported as a dialog and a
 * notification. Delete asks first and removes the row only once the runtime has confirmed. Under
 * them, the {@link ReplayControls} play a downloaded session through the live views.
 */
public class SessionsPart {
    static final String NO_STORE = "The workbench's store is not available (bundle blitz.client.store is not running).";
    static final String NO_SYNC = "Session sync is not available: Download, Export CSV, Delete and Re-decode are off.";

    /** A session operation's work on the job's thread; returns what the state line shows afterwards. */
    @FunctionalInterface
    private interface Operation {
        String run(SessionSync sync, Progress progress) throws Exception;
    }

    private Display display;
    private Label state;
    private TableViewer table;
    private Button download;
    private Button export;
    private Button delete;
    private Button redecode;
    private Composite progressRow;
    private Label progressLabel;
    private ProgressBar progressBar;
    private Button cancel;
    private ReplayControls replayControls;
    private final ServiceSlot<SessionReplay> replay = ServiceSlot.of(this::showReplay);

    private final ServiceSlot<SessionCatalog> store = ServiceSlot.of(this::refresh);
    private volatile NotificationLog notifications;
    private final ServiceSlot<SessionSync> sync = ServiceSlot.of(this::refresh);
    // a fetched list may have been mirrored meanwhile; connection changes alter the buttons
    private final ServiceSlot<LoggerConnection> connection = UiConnectionListener.slot(this::refresh);
    private Job running;
    private String lastOutcome = "";
    @Inject
    @Optional
    private IEventBroker broker;
    private final EventHandler sessionsChanged = event -> Background.onUi(display, this::refresh);

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().margins(8, 8).numColumns(4).equalWidth(true).applyTo(parent);
        state = Tables.stateLine(parent, 4);
        table = Tables.viewer(parent, 4);
        Tables.<Session>column(table, "Stored", 55, session -> session.available() ? "✓" : "X");
        Tables.<Session>column(table, "ID", 40, session -> Long.toString(session.refId()));
        // the runtime counts a session's board messages (the original headed them "Readings"); the
        // readings decoded from them are counted in a download's outcome line
        Tables.<Session>column(table, "Messages", 75, session -> Long.toString(session.numberOfReadings()));
        Tables.<Session>column(table, "Start", 145, session -> Names.time(session.timeStarted()));
        Tables.<Session>column(table, "End", 145, session -> SessionEnd.describe(session, runtimeLogs(), listed()));
        table.addSelectionChangedListener(event -> updateButtons());
        download = button(parent, "Download", session -> start("Downloading session data from the logger",
                (sessionSync, progress) -> downloaded(sessionSync.download(session.refId(), progress))));
        export = button(parent, "Export CSV…", this::exportCsv);
        delete = button(parent, "Delete", this::delete);
        redecode = button(parent, "Re-decode", session -> start("Decoding the session again",
                (sessionSync, progress) -> downloaded(sessionSync.redecode(session.refId(), progress))));
        createProgressRow(parent);
        replayControls = new ReplayControls(parent, 4, this::selected, () -> notifications);
        replay.open(display);
        if (broker != null) {
            broker.subscribe(UiTopics.SESSIONS, sessionsChanged);
        }
        store.open(display);
        sync.open(display);
        connection.open(display);
    }

    private boolean runtimeLogs() {
        LoggerConnection current = connection.get();
        return current != null && current.isLogging();
    }

    @SuppressWarnings("unchecked")
    private List<Session> listed() {
        return table.getInput() instanceof List<?> rows ? (List<Session>) rows : List.of();
    }

    /** A button acting on the selected session, which is read here, on the UI thread. */
    private Button button(Composite parent, String text, Consumer<Session> action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
        button.addListener(SWT.Selection, event -> {
            Session session = selected();
            if (session != null) {
                action.accept(session);
            }
        });
        return button;
    }

    private void createProgressRow(Composite parent) {
        progressRow = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(progressRow);
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).applyTo(progressRow);
        progressLabel = new Label(progressRow, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(progressLabel);
        progressBar = new ProgressBar(progressRow, SWT.HORIZONTAL);
        progressBar.setMaximum(JobProgress.UNITS);
        GridDataFactory.fillDefaults().hint(140, SWT.DEFAULT).applyTo(progressBar);
        cancel = new Button(progressRow, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.addListener(SWT.Selection, event -> {
            if (running != null) {
                running.cancel();
            }
        });
        progressRow.setVisible(false);
    }

    @Inject
    void setStore(@Optional @Service SessionCatalog newStore) {
        store.set(newStore);
    }

    @Inject
    void setNotifications(@Optional @Service NotificationLog newNotifications) {
        notifications = newNotifications;
    }

    @Inject
    void setSync(@Optional @Service SessionSync newSync) {
        sync.set(newSync);
    }

    @Inject
    void setConnection(@Optional @Service LoggerConnection newConnection) {
        connection.set(newConnection);
    }

    @Inject
    void setReplay(@Optional @Service SessionReplay newReplay) {
        replay.set(newReplay);
    }

    private void showReplay() {
        replayControls.setReplay(replay.get());
    }

    /** Reads the session list from the store in a job and shows it, newest first. */
    void refresh() {
        if (state.isDisposed()) {
            return;
        }
        updateButtons();
        SessionCatalog source = store.get();
        if (source == null) {
            table.setInput(List.of());
            state.setText(NO_STORE);
            return;
        }
        if (running == null) {
            state.setText(sync.get() == null ? NO_SYNC : lastOutcome);
        }
        Background.load("Reading the session list", display, () -> source.sessions().stream()
                .sorted(Comparator.comparingLong(Session::refId).reversed()).toList(), sessions -> {
                    if (!table.getTable().isDisposed()) {
                        Session before = selected();
                        table.setInput(sessions);
                        // the rows are new records (a download changes availability): keep the same session selected
                        sessions.stream().filter(s -> before != null && s.refId() == before.refId()).findFirst()
                                .ifPresent(same -> table.setSelection(new StructuredSelection(same)));
                        updateButtons();
                    }
                });
    }

    private Session selected() {
        return (Session) ((IStructuredSelection) table.getSelection()).getFirstElement();
    }

    private void updateButtons() {
        if (download.isDisposed()) {
            return;
        }
        Session session = selected();
        boolean ready = session != null && sync.get() != null && store.get() != null && running == null;
        LoggerConnection current = connection.get();
        boolean connected = current != null && current.status() == ConnectionStatus.CONNECTED;
        download.setEnabled(ready && connected);
        export.setEnabled(ready && (session.available() || connected));
        delete.setEnabled(ready && connected);
        redecode.setEnabled(ready && session.available());
        replayControls.update();
    }

    private static String downloaded(DownloadReport report) throws Exception {
        String counts = report.messages() + " messages, " + report.readings() + " readings"
                + (report.badLines() + report.unknownBoards() + report.rejected() > 0
                        ? " (skipped: " + report.badLines() + " bad lines, " + report.unknownBoards()
                                + " from unknown boards, " + report.rejected() + " rejected)"
                        : "");
        return switch (report.state()) {
        case VERIFIED -> "Session " + report.sessionId() + ": " + counts + ", verified.";
        case VERIFIED_BY_COUNT -> "Session " + report.sessionId() + ": " + counts
                + ", verified by count (the runtime offers no digest to compare their contents).";
        case COMPLETE_UNVERIFIED -> "Session " + report.sessionId() + ": " + counts
                + " (the runtime offers no digest to verify against).";
        case CANCELLED -> "Session " + report.sessionId() + ": cancelled after " + counts
                + "; the next download resumes.";
        case FAILED -> throw new IllegalStateException(
                "Session " + report.sessionId() + " could not be completed: " + report.detail());
        };
    }

    private void exportCsv(Session session) {
        FileDialog dialog = new FileDialog(table.getTable().getShell(), SWT.SAVE);
        dialog.setText("Save session to file...");
        dialog.setFilterExtensions(new String[] { "*.csv" });
        dialog.setFilterNames(new String[] { "CSV Files (*.csv)" });
        dialog.setFileName("session-" + session.refId() + ".csv");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            exportCsv(session, Path.of(file));
        }
    }

    /** Exports a session to {@code file} in a job (what Export CSV… does once the file is chosen). */
    void exportCsv(Session session, Path file) {
        start("Saving data", (sessionSync, progress) -> "Session " + session.refId() + ": "
                + sessionSync.exportCsv(session.refId(), file, progress) + " rows written to " + file);
    }

    private void delete(Session session) {
        if (!MessageDialog.openConfirm(table.getTable().getShell(), "Delete session",
                "Delete session " + session.refId() + " on the logger and in the workbench, with its "
                        + session.numberOfReadings() + " readings?")) {
            return;
        }
        start("Requesting session to be deleted", (sessionSync, progress) -> {
            if (!sessionSync.deleteSession(session.refId())) {
                throw new IllegalStateException("The logger did not confirm deleting session " + session.refId()
                        + "; it is kept.");
            }
            return "Session " + session.refId() + " deleted.";
        });
    }

    /** Runs an operation on the selected session in a job; its progress shows under the table. */
    private void start(String description, Operation operation) {
        SessionSync sessionSync = sync.get();
        NotificationLog notifications = this.notifications;
        Shell shell = table.getTable().getShell();
        JobProgress[] progress = new JobProgress[1];
        Job job = Job.create(description, monitor -> {
            progress[0] = new JobProgress(monitor);
            String outcome;
            try {
                outcome = operation.run(sessionSync, progress[0]);
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                Problems.report(shell, notifications, "Blitz Data Logger Error", description + " failed: " + message);
                outcome = description + " failed.";
            }
            String shown = outcome;
            Background.onUi(display, () -> lastOutcome = shown);
            return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
        });
        job.setUser(true);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                Background.onUi(display, SessionsPart.this::finished);
            }
        });
        running = job;
        state.setText(description + "…");
        progressLabel.setText(description);
        progressBar.setSelection(0);
        progressRow.setVisible(true);
        updateButtons();
        job.schedule();
        display.timerExec(100, () -> showProgress(job, progress));
    }

    private void showProgress(Job job, JobProgress[] progress) {
        if (running != job || progressBar.isDisposed()) {
            return;
        }
        JobProgress current = progress[0];
        if (current != null) {
            int perMille = current.perMille();
            progressBar.setSelection(Math.max(0, perMille));
            progressLabel.setText(current.task().isEmpty() ? progressLabel.getText()
                    : current.task() + (perMille < 0 ? " (" + current.done() + ")" : ""));
        }
        display.timerExec(100, () -> showProgress(job, progress));
    }

    /** An operation ended: the stored sessions may have changed, for this view and the others (the Plot). */
    private void finished() {
        running = null;
        if (!progressRow.isDisposed()) {
            progressRow.setVisible(false);
            if (broker != null) {
                broker.post(UiTopics.SESSIONS, Boolean.TRUE);
            } else {
                refresh();
            }
        }
    }

    @PreDestroy
    void dispose() {
        connection.close();
        store.close();
        sync.close();
        replay.close();
        replayControls.close();
        if (broker != null) {
            broker.unsubscribe(sessionsChanged);
        }
        if (running != null) {
            running.cancel();
        }
    }

}
