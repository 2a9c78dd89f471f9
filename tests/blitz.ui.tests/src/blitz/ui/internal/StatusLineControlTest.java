// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;

import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.testing.swt.UiFixture;

/** The status line follows the real connection's events: connected to a ZeroMQ peer, refused on a closed port. */
class StatusLineControlTest {
    private final LoggerConnection connection = UiFixture.service(LoggerConnection.class);

    @AfterEach
    void disconnect() {
        connection.disconnect();
    }

    @Test
    void showsConnectedThenDisconnected() throws Exception {
        try (UiFixture ui = new UiFixture(); TinyLogger logger = new TinyLogger()) {
            ui.make(StatusLineControl.class);
            Label status = UiFixture.find(ui.shell(), Label.class).get(0);
            assertTrue(status.getText().equals("Blitz Logger is ready")
                    || status.getText().equals("Disconnected from logger"), status.getText());

            Endpoint endpoint = Endpoint.of("127.0.0.1", logger.port());
            new Thread(() -> connection.connect(endpoint)).start();
            UiFixture.waitUntil(() -> "connected status, shown: " + status.getText(), 15_000,
                    () -> status.getText().equals("Connected to logger at 127.0.0.1:" + logger.port() + " — idle"));

            new Thread(connection::disconnect).start();
            UiFixture.waitUntil(() -> "disconnected status, shown: " + status.getText(), 15_000,
                    () -> status.getText().equals("Disconnected from logger"));
        }
    }

    @Test
    void showsRefusedForAClosedPort() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (UiFixture ui = new UiFixture()) {
            ui.make(StatusLineControl.class);
            Label status = UiFixture.find(ui.shell(), Label.class).get(0);
            int port = closedPort;
            new Thread(() -> connection.connect(Endpoint.of("127.0.0.1", port))).start();
            UiFixture.waitUntil(() -> "refused status, shown: " + status.getText(), 15_000,
                    () -> status.getText().equals("Connection refused: nothing usable at 127.0.0.1:" + port));
            assertEquals(ConnectionStatus.REFUSED, connection.status());
        }
    }
}
