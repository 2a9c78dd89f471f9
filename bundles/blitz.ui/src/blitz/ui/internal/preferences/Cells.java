// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.preferences;

/** Number cells of the preference tables: shown plainly, read with a message saying what is wrong. */
final class Cells {
    private Cells() {
    }

    static double number(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("enter a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    /** An empty cell is {@code none} (an infinite bound). */
    static double numberOr(String text, double none) {
        return text.isBlank() ? none : number(text);
    }

    static String show(double value) {
        if (Double.isInfinite(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static String name(String text, String what) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("enter a " + what);
        }
        return text.trim();
    }
}
