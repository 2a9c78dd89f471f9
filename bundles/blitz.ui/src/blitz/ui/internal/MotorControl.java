// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;

import blitz.model.client.NotificationLog;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.LoggerConnection;
import blitz.ui.parts.ServiceSlot;
import blitz.ui.topics.UiTopics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The original's toolbar control " Diffuser position: " with a spin box 0..40: each new angle is sent
 * to the motor board ({@code BOARD 09 850000000000XX}). Shown only while connected to a runtime that
 * reported board 09. Angles chosen faster than the runtime answers are coalesced: the last one is
 * always sent, after the one under way.
 */
public class MotorControl {
    static final String LABEL = " Diffuser position: ";

    private Shell shell;
    private Composite row;
    private Spinner position;
    /** The control's place in the window's toolbar; absent when the control is made outside a window. */
    @Inject
    @Optional
    private MToolControl toolControl;
    private final ServiceSlot<LoggerConnection> connection = UiConnectionListener.slot(this::updateEnablement);
    private volatile NotificationLog notifications;
    private final ServiceSlot<List<Integer>> knownBoards = ServiceSlot.of(this::updateEnablement);
    private final AtomicInteger wanted = new AtomicInteger();
    private final Job mover = Job.create("Sending the diffuser position", monitor -> {
        move(wanted.get());
        return Status.OK_STATUS;
    });

    @PostConstruct
    public void createControls(Composite parent) {
        shell = parent.getShell();
        row = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 0).applyTo(row);
        new Label(row, SWT.NONE).setText(LABEL);
        position = new Spinner(row, SWT.BORDER);
        position.setValues(MotorBoard.MIN_ANGLE, MotorBoard.MIN_ANGLE, MotorBoard.MAX_ANGLE, 0, 1, 5);
        position.setToolTipText("Moves the motor board (09) to this angle, in degrees");
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(position);
        position.addListener(SWT.Selection, event -> {
            wanted.set(position.getSelection());
            mover.schedule();
        });
        mover.setSystem(true);
        connection.open(parent.getDisplay());
        knownBoards.open(parent.getDisplay());
    }

    @Inject
    void setConnection(@Optional @Service LoggerConnection newConnection) {
        connection.set(newConnection);
    }

    @Inject
    void setNotifications(@Optional @Service NotificationLog newNotifications) {
        notifications = newNotifications;
    }

    @Inject
    void setKnownBoards(@Optional @Named(UiTopics.KNOWN_BOARDS) List<Integer> boards) {
        knownBoards.set(boards);
    }

    private void updateEnablement() {
        if (position.isDisposed()) {
            return;
        }
        LoggerConnection current = connection.get();
        List<Integer> boards = knownBoards.get();
        boolean motor = current != null && current.status() == ConnectionStatus.CONNECTED && boards != null
                && MotorBoard.present(boards);
        position.setEnabled(motor);
        row.setVisible(motor);
        if (toolControl != null && toolControl.isVisible() != motor) {
            // later, not while E4 renders the trim bar: its toolbar manager then indexes an item just removed
            position.getDisplay().asyncExec(() -> {
                if (!position.isDisposed()) {
                    toolControl.setVisible(motor);
                }
            });
        }
    }

    private void move(int angle) {
        LoggerConnection current = connection.get();
        if (current == null) {
            return;
        }
        LoggerConnection.Reply reply = current.boardCommand(MotorBoard.BOARD_ID, MotorBoard.moveCommand(angle));
        if (!reply.ok() && !shell.isDisposed()) {
            Problems.report(shell, notifications, "Blitz Data Logger Error",
                    "The motor board did not take the position " + angle + " deg. The reply was: "
                            + (reply.text().isBlank() ? "(none)" : reply.text()));
        }
    }

    @PreDestroy
    void dispose() {
        connection.close();
        knownBoards.close();
        mover.cancel();
    }
}
