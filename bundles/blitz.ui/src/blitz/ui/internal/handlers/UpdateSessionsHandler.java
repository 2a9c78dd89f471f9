// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.handlers;

import java.util.function.Function;

import org.eclipse.swt.widgets.Shell;

import blitz.model.connection.ConnectionStatus;
import blitz.ui.internal.LoggerState;
import blitz.ui.topics.UiTopics;

/**
 * Logger ▸ Update session list: mirrors the runtime's list into the client store, through the session
 * sync service when there is one; without it the connection's list event is mirrored by
 * {@link blitz.ui.internal.LoggerAddon}, which keeps downloaded data (unlike the original).
 */
public class UpdateSessionsHandler extends LoggerCommandHandler {
    @Override
    boolean enabled(ConnectionStatus status, boolean logging) {
        return LoggerState.canUpdateLists(status, logging);
    }

    @Override
    String description() {
        return "Requesting the session list";
    }

    @Override
    Function<Services, String> prepare(Shell shell) {
        return services -> {
            if (services.sync() != null) {
                services.sync().refreshSessionList();
            }
            if (services.connection().status() != ConnectionStatus.CONNECTED) {
                return "The logger did not send its session list; the stored list is kept.";
            }
            services.post(UiTopics.SESSIONS, Boolean.TRUE);
            return null;
        };
    }
}
