// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.LoggerConnection;
import blitz.ui.internal.CalibrationDialog;
import blitz.ui.internal.MotorBoard;
import blitz.ui.topics.UiTopics;
import jakarta.inject.Named;

/**
 * Logger ▸ Calibrate…: the motor board's calibration dialog. Offered, as in the original, while
 * connected and idle, and only when the runtime reported the motor board (09).
 */
public class CalibrateHandler {
    @CanExecute
    public boolean canExecute(@Optional @Service LoggerConnection connection,
            @Optional @Named(UiTopics.KNOWN_BOARDS) List<Integer> boards) {
        return connection != null && connection.status() == ConnectionStatus.CONNECTED && !connection.isLogging()
                && MotorBoard.present(boards);
    }

    @Execute
    public void execute(@Optional @Service LoggerConnection connection,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        if (connection != null) {
            new CalibrationDialog(shell, connection).open();
        }
    }
}
