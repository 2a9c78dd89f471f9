// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.Notification;
import blitz.model.client.NotificationLog;
import blitz.ui.internal.Background;
import blitz.ui.internal.Names;
import blitz.ui.parts.ServiceSlot;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Notifications: what the client store logged (connection problems, runtime errors, failed
 * operations), newest first, times in descriptions written as local times; the selected one is shown
 * in full below the table; Dismiss removes it, Clear all removes every one. The store
 * has no change events, so the list is read again every {@link #POLL_MS} ms (in a job).
 */
public class NotificationsPart {
    static final String NO_STORE = "Notifications are not available: the workbench's store is not running.";
    static final int POLL_MS = 2000;
    static final String DISMISS = "Dismiss";
    /** An epoch millisecond time inside a description (2001 to 2286): shown as a local time instead. */
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\b1\\d{12}\\b");
    private static final Logger LOG = LoggerFactory.getLogger(NotificationsPart.class);

    private Display display;
    private Label state;
    private TableViewer table;
    private Text detail;
    private Button handle;
    private Button clearAll;
    private final ServiceSlot<NotificationLog> store = ServiceSlot.of(this::refresh);
    private boolean loading;

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().margins(8, 8).numColumns(2).equalWidth(true).applyTo(parent);
        state = Tables.stateLine(parent, 2);
        table = Tables.viewer(parent, 2);
        Tables.<Notification>column(table, "Severity", 65, NotificationsPart::severity);
        Tables.<Notification>column(table, "Time", 135, notification -> Names.time(notification.timeLogged()));
        Tables.<Notification>column(table, "Description", 600, notification -> readable(notification.description()));
        table.addSelectionChangedListener(event -> {
            updateButtons();
            showDetail();
        });
        detail = new Text(parent, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(SWT.DEFAULT, 64).applyTo(detail);
        detail.setMessage("Select a notification to read it in full");
        handle = new Button(parent, SWT.PUSH);
        handle.setText(DISMISS);
        handle.setToolTipText("Removes the selected notification from the list (it has been dealt with)");
        handle.addListener(SWT.Selection, event -> {
            Notification selected = (Notification) ((IStructuredSelection) table.getSelection()).getFirstElement();
            change("Handling a notification", target -> target.handleError(selected.id()));
        });
        clearAll = new Button(parent, SWT.PUSH);
        clearAll.setText("Clear all");
        clearAll.addListener(SWT.Selection, event -> change("Clearing notifications", NotificationLog::clearErrors));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(handle);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(clearAll);
        store.open(display);
        display.timerExec(POLL_MS, this::poll);
    }

    /** @return the description with its raw epoch millisecond times written as local times */
    static String readable(String description) {
        return EPOCH_MILLIS.matcher(description)
                .replaceAll(match -> Matcher.quoteReplacement(Names.time(Long.parseLong(match.group()))));
    }

    /** Shows the selected notification in full below the table. */
    private void showDetail() {
        Notification selected = (Notification) ((IStructuredSelection) table.getSelection()).getFirstElement();
        detail.setText(selected == null ? ""
                : severity(selected) + ", " + Names.time(selected.timeLogged()) + "\n" + readable(selected.description()));
    }

    private static String severity(Notification notification) {
        return switch (notification.severity()) {
        case Notification.INFO -> "Info";
        case Notification.WARNING -> "Warning";
        case Notification.ERROR -> "Error";
        default -> Integer.toString(notification.severity());
        };
    }

    @Inject
    void setStore(@Optional @Service NotificationLog newStore) {
        store.set(newStore);
    }

    private void poll() {
        if (!table.getTable().isDisposed()) {
            refresh();
            display.timerExec(POLL_MS, this::poll);
        }
    }

    /** Reads the notifications in a job and shows them, newest first. */
    void refresh() {
        if (state.isDisposed() || loading) {
            return;
        }
        NotificationLog source = store.get();
        state.setText(source == null ? NO_STORE : "");
        if (source == null) {
            table.setInput(List.of());
            updateButtons();
            return;
        }
        loading = true;
        Background.load("Reading notifications", display, () -> read(source), notifications -> {
                    loading = false;
                    if (state.isDisposed()) {
                        return;
                    }
                    if (notifications == null) {
                        state.setText("The notifications could not be read from the store; see the log.");
                    } else if (!table.getTable().isDisposed()) {
                        table.setInput(notifications);
                        updateButtons();
                        showDetail();
                    }
                });
    }

    /** @return the notifications newest first, or null when the store failed (logged) */
    private static List<Notification> read(NotificationLog source) {
        try {
            return source.notifications().stream()
                    .sorted(Comparator.comparingLong(Notification::timeLogged).thenComparing(Notification::id).reversed())
                    .toList();
        } catch (RuntimeException e) {
            LOG.warn("reading notifications failed", e);
            return null;
        }
    }

    private void change(String name, Consumer<NotificationLog> change) {
        NotificationLog target = store.get();
        if (target != null) {
            Background.load(name, display, () -> {
                change.accept(target);
                return Boolean.TRUE;
            }, done -> refresh());
        }
    }

    private void updateButtons() {
        handle.setEnabled(store.get() != null && !table.getSelection().isEmpty());
        clearAll.setEnabled(store.get() != null && table.getTable().getItemCount() > 0);
    }
}
