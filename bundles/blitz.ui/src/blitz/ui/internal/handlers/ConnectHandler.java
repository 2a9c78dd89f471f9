// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.handlers;

import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.Endpoint;
import blitz.ui.internal.ConnectDialog;
import blitz.ui.internal.ConnectionPreferences;
import blitz.ui.internal.LoggerState;

/**
 * Logger ▸ Connect… (Ctrl+K): asks for the runtime's address (remembered in the preferences), then
 * connects; a failure shows the original's connection error.
 */
public class ConnectHandler extends LoggerCommandHandler {
    @Override
    boolean enabled(ConnectionStatus status, boolean logging) {
        return LoggerState.canConnect(status);
    }

    @Override
    String description() {
        return "Creating connection to data logger";
    }

    @Override
    String errorTitle() {
        return "Blitz Data Logger Connection Error";
    }

    @Override
    Function<Services, String> prepare(Shell shell) {
        ConnectionPreferences preferences = ConnectionPreferences.instance();
        ConnectDialog dialog = new ConnectDialog(shell, preferences.endpoint(), preferences.runtimes());
        if (dialog.open() != Window.OK) {
            return null;
        }
        Endpoint endpoint = dialog.endpoint();
        preferences.remember(endpoint, dialog.tokenRemembered());
        return services -> {
            ConnectionStatus status = services.connection().connect(endpoint);
            return status == ConnectionStatus.CONNECTED ? null
                    : "Unable to establish a connection to the data logger at " + endpoint + ".\n"
                            + LoggerState.describe(status, false, Optional.of(endpoint));
        };
    }
}
