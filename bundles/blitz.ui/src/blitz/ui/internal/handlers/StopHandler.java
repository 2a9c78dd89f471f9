// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.handlers;

import java.util.function.Function;

import org.eclipse.swt.widgets.Shell;

import blitz.model.connection.ConnectionStatus;
import blitz.ui.internal.LoggerState;
import blitz.ui.topics.UiTopics;

/** Logger ▸ Stop (Shift+F5): the runtime ends the session; the session list is fetched again. */
public class StopHandler extends LoggerCommandHandler {
    @Override
    boolean enabled(ConnectionStatus status, boolean logging) {
        return LoggerState.canStop(status, logging);
    }

    @Override
    String description() {
        return "Getting logger to stop logging";
    }

    @Override
    Function<Services, String> prepare(Shell shell) {
        return services -> {
            String failure = failure(services.connection().stop());
            services.post(UiTopics.SESSIONS, Boolean.TRUE);
            return failure;
        };
    }
}
