// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.handlers;

import java.util.function.Function;

import org.eclipse.swt.widgets.Shell;

import blitz.model.connection.ConnectionStatus;
import blitz.ui.internal.LoggerState;

/** Logger ▸ Disconnect. */
public class DisconnectHandler extends LoggerCommandHandler {
    @Override
    boolean enabled(ConnectionStatus status, boolean logging) {
        return LoggerState.canDisconnect(status);
    }

    @Override
    String description() {
        return "Disconnecting from the data logger";
    }

    @Override
    Function<Services, String> prepare(Shell shell) {
        return services -> {
            services.connection().disconnect();
            return null;
        };
    }
}
