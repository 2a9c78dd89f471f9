// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;

import blitz.model.connection.LoggerConnection;

/**
 * The original's "Calibrate Device" dialog for the motor board: move the diffuser to the angle the big
 * label shows ("0 deg", "10 deg", … "40 deg"), press Calibrate, and the board (09) is told with
 * instruction 88; after the fifth point the label says "Done". A failed instruction is shown in the
 * dialog and the step can be tried again.
 */
public class CalibrationDialog extends Dialog {
    static final String TITLE = "Calibrate Device";
    static final int CALIBRATE_ID = IDialogConstants.CLIENT_ID + 1;
    private static final int TARGET_POINTS = 48;

    private final LoggerConnection connection;
    private int done;
    private ProgressBar progress;
    private Label target;
    private Label problem;
    private Font targetFont;

    public CalibrationDialog(Shell parent, LoggerConnection connection) {
        super(parent);
        this.connection = connection;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(400, 205);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.fillDefaults().margins(10, 10).applyTo(area);
        progress = new ProgressBar(area, SWT.HORIZONTAL);
        progress.setMaximum(MotorBoard.CALIBRATION_STEPS);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(progress);
        target = new Label(area, SWT.CENTER);
        FontData[] big = JFaceResources.getDefaultFont().getFontData();
        for (FontData data : big) {
            data.setHeight(TARGET_POINTS);
        }
        targetFont = new Font(parent.getDisplay(), big);
        target.setFont(targetFont);
        target.addDisposeListener(event -> targetFont.dispose());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(target);
        problem = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(problem);
        show();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, CALIBRATE_ID, "Calibrate", true);
        createButton(parent, IDialogConstants.OK_ID, "Done", false);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == CALIBRATE_ID) {
            calibrate();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    /** Sends instruction 88 for the current point in a job; the dialog moves on when the board took it. */
    private void calibrate() {
        Button button = getButton(CALIBRATE_ID);
        button.setEnabled(false);
        problem.setText("");
        Shell shell = getShell();
        Job job = Job.create("Sending calibration instruction", monitor -> {
            LoggerConnection.Reply reply = connection.boardCommand(MotorBoard.BOARD_ID, MotorBoard.CALIBRATE);
            Background.onUi(shell.getDisplay(), () -> {
                if (shell.isDisposed()) {
                    return;
                }
                if (reply.ok()) {
                    done++;
                } else {
                    problem.setText("The board did not take the calibration point: "
                            + (reply.text().isBlank() ? "no reply" : reply.text()) + ". Try again.");
                }
                show();
            });
        });
        job.setSystem(true);
        job.schedule();
    }

    private void show() {
        progress.setSelection(done);
        target.setText(MotorBoard.calibrationTarget(done));
        Button button = getButton(CALIBRATE_ID);
        if (button != null) {
            button.setEnabled(done < MotorBoard.CALIBRATION_STEPS);
        }
    }
}
