// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.handlers;

import java.util.function.Function;

import org.eclipse.swt.widgets.Shell;

import blitz.model.connection.ConnectionStatus;
import blitz.ui.internal.LoggerState;

/** Logger ▸ Start (F5): the runtime starts a logging session. */
public class StartHandler extends LoggerCommandHandler {
    @Override
    boolean enabled(ConnectionStatus status, boolean logging) {
        return LoggerState.canStart(status, logging);
    }

    @Override
    String description() {
        return "Getting logger to start logging";
    }

    @Override
    Function<Services, String> prepare(Shell shell) {
        return services -> {
            return failure(services.connection().start());
        };
    }
}
