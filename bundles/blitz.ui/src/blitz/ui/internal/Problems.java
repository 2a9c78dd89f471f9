// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;


import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.Notification;
import blitz.model.client.NotificationLog;

/**
 * Reports a failed operation the way the workbench promises: a notification in the client store (so
 * the Notifications view lists it) and a dialog with a plain message, never a stack trace.
 * Call it from a job's thread: the store is written there, the dialog opens on the UI thread.
 */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static void report(Shell parent, NotificationLog notifications, String title, String message) {
        log(notifications, Notification.ERROR, message);
        Display display = parent.getDisplay();
        Background.onUi(display, () -> MessageDialog.openError(parent.isDisposed() ? null : parent, title, message));
    }

    /** Logs a notification; a store that fails is logged, never thrown to the caller. */
    public static void log(NotificationLog notifications, int severity, String message) {
        if (notifications == null) {
            LOG.warn(message);
            return;
        }
        try {
            notifications.logError(message, severity);
        } catch (RuntimeException e) {
            LOG.warn("could not store the notification: {}", message, e);
        }
    }
}
