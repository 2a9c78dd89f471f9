// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.handlers;

import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Shell;

import blitz.model.client.NotificationLog;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.LoggerConnection;
import blitz.model.sync.SessionSync;
import blitz.ui.internal.Problems;
import jakarta.inject.Named;

/**
 * A Logger menu command: enabled by the connection's real status (see
 * {@link blitz.ui.internal.LoggerState}), run in a job because every request may wait for the
 * runtime, failures reported as a dialog and a notification.
 */
abstract class LoggerCommandHandler {

    /** The services a command may use; {@code store}, {@code sync} and {@code broker} may be null. */
    record Services(LoggerConnection connection, NotificationLog notifications, SessionSync sync, IEventBroker broker) {
        void post(String topic, Object data) {
            if (broker != null) {
                broker.post(topic, data);
            }
        }
    }

    /** @return whether the command applies in this state */
    abstract boolean enabled(ConnectionStatus status, boolean logging);

    /** The job's name, e.g. "Getting logger to start logging" (the original's progress texts). */
    abstract String description();

    /**
     * Asks the user for anything the command needs, on the UI thread.
     *
     * @return the work for the job's thread, which returns null on success, else what went wrong in
     *         words for the user; null when the user cancelled
     */
    abstract Function<Services, String> prepare(Shell shell);

    /** The title of the dialog that reports a failure. */
    String errorTitle() {
        return "Blitz Data Logger Error";
    }

    @CanExecute
    public boolean canExecute(@Optional @Service LoggerConnection connection) {
        return connection != null && enabled(connection.status(), connection.isLogging());
    }

    @Execute
    public void execute(@Optional @Service LoggerConnection connection, @Optional @Service NotificationLog notifications,
            @Optional @Service SessionSync sync, @Optional IEventBroker broker,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        if (connection == null) {
            return;
        }
        Function<Services, String> work = prepare(shell);
        if (work == null) {
            return;
        }
        Services services = new Services(connection, notifications, sync, broker);
        Job job = Job.create(description(), monitor -> {
            String failure = work.apply(services);
            if (failure != null) {
                Problems.report(shell, notifications, errorTitle(), failure);
            }
            services.post(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    /** @return null for a confirmed reply, else the original's error text with the runtime's words */
    static String failure(LoggerConnection.Reply reply) {
        if (reply.ok()) {
            return null;
        }
        return "There has been an error communicating with the logger! The reply was: "
                + (reply.text().isBlank() ? "(none)" : reply.text())
                + "\nYou can try resetting the data logger using the 'Logger' menu.";
    }

}
