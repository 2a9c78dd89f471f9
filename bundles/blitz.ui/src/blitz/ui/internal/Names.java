// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the workbench writes names and times, as the original did. */
public final class Names {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Names() {
    }

    /**
     * The original's {@code name.replace("_", " ").title()}: {@code adc_channel_one} becomes
     * {@code Adc Channel One}. Like Python's {@code title()}, a letter after any non-letter is upper case
     * and every other letter lower case.
     */
    public static String title(String variableName) {
        StringBuilder out = new StringBuilder(variableName.length());
        boolean previousWasLetter = false;
        for (char c : variableName.replace('_', ' ').toCharArray()) {
            boolean letter = Character.isLetter(c);
            out.append(letter ? (previousWasLetter ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
            previousWasLetter = letter;
        }
        return out.toString();
    }

    /** @return epoch milliseconds as local {@code yyyy-MM-dd HH:mm:ss}, the original's session date format */
    public static String time(long epochMillis) {
        return LOCAL_TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
