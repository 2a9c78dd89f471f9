// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.concurrent.CompletableFuture;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import blitz.model.connection.ConnectionListener;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.LoggerConnection;
import blitz.model.connection.SessionTransfer;
import blitz.model.sync.SessionSync;

/**
 * Fetches the runtime's session list every time the connection comes up (a first connect or a
 * reconnect, e.g. to a runtime that was restarted), so the list shows what happened meanwhile: a
 * session that ended, or one that was cut short when the runtime died. Through the session sync
 * when there is one (it mirrors the list into the client store), else through the connection (its
 * listeners hear of the list). Only while the runtime is idle: {@code SESSIONS} is an idle-state
 * command of the original logger. Runs on a pooled thread, since connection listeners must not call
 * the connection back.
 */
@Component(immediate = true, service = {})
public class SessionListRefresher implements ConnectionListener {
    private final LoggerConnection connection;
    private final SessionTransfer transfer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SessionSync sync;
    /** Connection thread only. */
    private ConnectionStatus last = ConnectionStatus.DISCONNECTED;

    @Activate
    public SessionListRefresher(@Reference LoggerConnection connection, @Reference SessionTransfer transfer) {
        this.connection = connection;
        this.transfer = transfer;
        connection.addListener(this);
    }

    @Deactivate
    void deactivate() {
        connection.removeListener(this);
    }

    @Override
    public void statusChanged(ConnectionStatus status, String detail) {
        boolean cameUp = status == ConnectionStatus.CONNECTED && last != ConnectionStatus.CONNECTED;
        last = status;
        if (cameUp) {
            CompletableFuture.runAsync(this::refresh); // rare and short: a pooled thread is enough
        }
    }

    private void refresh() {
        if (connection.status() != ConnectionStatus.CONNECTED || connection.isLogging()) {
            return;
        }
        SessionSync mirror = sync;
        if (mirror != null) {
            mirror.refreshSessionList();
        } else {
            transfer.sessions();
        }
    }
}
