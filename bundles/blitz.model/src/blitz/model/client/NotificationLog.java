// SPDX-License-Identifier: EPL-2.0
package blitz.model.client;

import java.util.List;

import blitz.model.Notification;

/**
 * The workbench's notification log (the original's "errors"): what went wrong or happened, shown in
 * the notifications view and followed by the live plot for session starts and stops.
 *
 * <p>Guarantees:
 * <ul>
 * <li><b>Ids in commit order.</b> Notification ids grow in the order their writes commit, so a
 * follower ({@link #notificationsAfter}) that continues from the last id it read sees every
 * notification once, except one removed before it was read.</li>
 * <li><b>Atomicity.</b> Each call is one transaction, committed when it returns.</li>
 * <li><b>Thread safety.</b> Every method may be called from any thread.</li>
 * </ul>
 */
public interface NotificationLog {

    /** Logs a notification at the current time. @return the stored notification, with its id */
    Notification logError(String description, int severity);

    /**
     * Logs a notification of an event that happened elsewhere, at the time it happened there (a
     * runtime's notification is shown with the runtime's time, not with the time it was copied).
     *
     * @param timeLogged when the event happened, epoch milliseconds
     * @return the stored notification, with its id
     * @since 1.1
     */
    Notification logError(String description, int severity, long timeLogged);

    /** @return every notification, in id order */
    List<Notification> notifications();

    /**
     * The notifications of one severity logged after another one, for a reader that follows the log
     * and reads only what is new: those with {@code severity} and an id greater than {@code afterId},
     * in id order, at most {@code limit}. Start with {@code afterId} 0; continue with the id of the last
     * one returned ({@link ClientStore#createTables} with {@code forceDrop} starts the log and its ids
     * anew). A page costs its size however long the log is.
     *
     * @return the page; shorter than {@code limit} (possibly empty) when no more have been logged
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<Notification> notificationsAfter(long afterId, int severity, int limit);

    /** Removes every notification. */
    void clearErrors();

    /** Removes one notification. @return whether it existed */
    boolean handleError(long notificationId);
}
