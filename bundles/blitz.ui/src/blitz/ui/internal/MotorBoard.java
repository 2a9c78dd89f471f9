// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.util.Collection;
import java.util.Locale;

/**
 * The original's motor board (board 09, the diffuser): its two instructions and when the workbench
 * offers them. Instruction 0x85 moves to an angle (payload u16 #0 after an 8-digit zero timestamp),
 * 0x88 tells the board the current position is the next calibration point.
 */
public final class MotorBoard {
    public static final int BOARD_ID = 9;
    public static final int MIN_ANGLE = 0;
    public static final int MAX_ANGLE = 40;
    /** The calibration instruction: {@code BOARD 09 88}. */
    public static final String CALIBRATE = "88";
    /** Calibration points, from {@link #MIN_ANGLE} to {@link #MAX_ANGLE} (the original's 5 steps of 10 deg). */
    public static final int CALIBRATION_STEPS = 5;

    private MotorBoard() {
    }

    /** @return the move instruction for an angle clamped to 0..40, as the original: {@code 850000000000XX} */
    public static String moveCommand(int angle) {
        int clamped = Math.max(MIN_ANGLE, Math.min(MAX_ANGLE, angle));
        return "850000000000" + String.format(Locale.ROOT, "%02x", clamped);
    }

    /** @return whether the runtime reported the motor board */
    public static boolean present(Collection<Integer> knownBoards) {
        return knownBoards != null && knownBoards.contains(BOARD_ID);
    }

    /** @return the label after {@code done} calibration points: "0 deg", "10 deg", ... then "Done" */
    public static String calibrationTarget(int done) {
        if (done >= CALIBRATION_STEPS) {
            return "Done";
        }
        return (MIN_ANGLE + done * (MAX_ANGLE - MIN_ANGLE) / (CALIBRATION_STEPS - 1)) + " deg";
    }
}
