// SPDX-License-Identifier: EPL-2.0
package blitz.model;

import java.util.Objects;

/**
 * A message for the user: a connection problem, a server error, a loss recorded in the gap ledger.
 *
 * @param id          store-assigned id, {@code null} before the notification is stored
 * @param timeLogged  epoch milliseconds when it was logged
 * @param severity    one of {@link #INFO}, {@link #WARNING}, {@link #ERROR} (the original's default was 1)
 * @param description human-readable text
 */
public record Notification(Long id, long timeLogged, int severity, String description) {
    public static final int INFO = 1;
    public static final int WARNING = 2;
    public static final int ERROR = 3;

    public Notification {
        Objects.requireNonNull(description, "description");
    }
}
