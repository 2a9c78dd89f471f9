// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Spinner;
import org.junit.jupiter.api.Test;

import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.testing.swt.UiFixture;

/**
 * The motor board's controls against a tiny ZeroMQ logger that reports boards 08 and 09: the toolbar
 * spin box sends the original's move command, the calibration dialog sends instruction 88 five times.
 */
class MotorBoardTest {
    private final LoggerConnection connection = UiFixture.service(LoggerConnection.class);

    @Test
    void buildsTheOriginalCommands() {
        assertEquals("8500000000000c", MotorBoard.moveCommand(12));
        assertEquals("85000000000028", MotorBoard.moveCommand(40));
        assertEquals("85000000000028", MotorBoard.moveCommand(99));
        assertEquals("85000000000000", MotorBoard.moveCommand(-3));
        assertEquals(List.of("0 deg", "10 deg", "20 deg", "30 deg", "40 deg", "Done"),
                List.of(0, 1, 2, 3, 4, 5).stream().map(MotorBoard::calibrationTarget).toList());
    }

    @Test
    void spinBoxMovesTheDiffuserWhileConnectedToBoardNine() throws Exception {
        connection.disconnect();
        try (UiFixture ui = new UiFixture(); TinyLogger logger = new TinyLogger()) {
            ui.addon(LoggerAddon.class);
            ui.make(MotorControl.class);
            Spinner spinner = UiFixture.find(ui.shell(), Spinner.class).get(0);
            assertTrue(UiFixture.find(ui.shell(), Label.class).stream()
                    .anyMatch(label -> label.getText().equals(MotorControl.LABEL)));
            assertFalse(spinner.isEnabled(), "enabled while disconnected");
            assertFalse(spinner.getParent().getVisible(), "Diffuser position shown with no motor board connected");
            assertEquals(List.of(0, 40), List.of(spinner.getMinimum(), spinner.getMaximum()));

            assertEquals(ConnectionStatus.CONNECTED, connection.connect(Endpoint.of("127.0.0.1", logger.port())));
            UiFixture.waitUntil("the spin box is enabled (board 09 reported)", 10_000, spinner::isEnabled);
            assertTrue(spinner.getParent().getVisible(), "Diffuser position shown once board 09 is connected");
            spinner.setSelection(12);
            spinner.notifyListeners(SWT.Selection, null);
            UiFixture.waitUntil(() -> "the move command arrives: " + logger.requests(), 10_000,
                    () -> logger.requests().contains("BOARD 09 8500000000000c"));
            ui.screenshot("motor-control");

            connection.disconnect();
            UiFixture.waitUntil("the spin box is disabled after disconnecting", 10_000, () -> !spinner.isEnabled());
            assertFalse(spinner.getParent().getVisible(), "Diffuser position hidden again after disconnecting");
        }
    }

    @Test
    void calibrationSendsEightyEightFiveTimesThenSaysDone() throws Exception {
        try (UiFixture ui = new UiFixture(); TinyLogger logger = new TinyLogger()) {
            assertEquals(ConnectionStatus.CONNECTED, connection.connect(Endpoint.of("127.0.0.1", logger.port())));
            CalibrationDialog dialog = new CalibrationDialog(ui.shell(), connection);
            dialog.setBlockOnOpen(false);
            dialog.open();
            try {
                assertEquals(CalibrationDialog.TITLE, dialog.getShell().getText());
                Label target = UiFixture.find(dialog.getShell(), Label.class).stream()
                        .filter(label -> label.getText().endsWith("deg")).findFirst().orElseThrow();
                ProgressBar progress = UiFixture.find(dialog.getShell(), ProgressBar.class).get(0);
                Button calibrate = UiFixture.find(dialog.getShell(), Button.class).stream()
                        .filter(button -> button.getText().equals("Calibrate")).findFirst().orElseThrow();
                assertEquals("0 deg", target.getText());
                assertTrue(target.getFont().getFontData()[0].getHeight() >= 48, "the target label is 48 pt");
                for (int step = 1; step <= MotorBoard.CALIBRATION_STEPS; step++) {
                    calibrate.notifyListeners(SWT.Selection, null);
                    String expected = MotorBoard.calibrationTarget(step);
                    UiFixture.waitUntil(() -> "the label says " + expected + ", not " + target.getText(), 10_000,
                            () -> target.getText().equals(expected));
                    assertEquals(step, progress.getSelection());
                }
                assertEquals("Done", target.getText());
                assertFalse(calibrate.isEnabled(), "Calibrate stays enabled after the last point");
                assertEquals(MotorBoard.CALIBRATION_STEPS, Collections.frequency(logger.requests(), "BOARD 09 88"));
            } finally {
                dialog.close();
                connection.disconnect();
            }
        }
    }
}
