// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.handlers;

import java.util.function.Function;

import org.eclipse.swt.widgets.Shell;

import blitz.model.connection.ConnectionStatus;
import blitz.ui.internal.LoggerState;

/** Logger ▸ Reset: the runtime goes back to idle (the original logger never answers it). */
public class ResetHandler extends LoggerCommandHandler {
    @Override
    boolean enabled(ConnectionStatus status, boolean logging) {
        return LoggerState.canReset(status);
    }

    @Override
    String description() {
        return "Resetting the data logger";
    }

    @Override
    Function<Services, String> prepare(Shell shell) {
        return services -> {
            return failure(services.connection().reset());
        };
    }
}
