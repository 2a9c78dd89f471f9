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

    /** @return epoch milliseconds as local {@code yyyy-MM-dd HH:mm:ss}, the original's session date format */
    public static String time(long epochMillis) {
        return LOCAL_TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
