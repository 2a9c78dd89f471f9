// SPDX-License-Identifier: EPL-2.0
package blitz.client.tests;

import java.util.Map;

import blitz.model.client.ClientStore;
import blitz.model.connection.LoggerConnection;
import blitz.model.connection.SessionTransfer;
import blitz.testing.Osgi;

/** The client's services as these tests want them: a connection with short timeouts, a store in memory. */
final class ClientServices {
    static final int TIMEOUT_MS = 300;
    /** Kept for the whole run (not an extension): every test class shares the configured connection. */
    private static final Osgi OSGI = new Osgi();
    private static LoggerConnection configured;

    private ClientServices() {
    }

    /** The connection service after it picked up short timeouts and a 50 ms live update period. */
    static synchronized LoggerConnection configuredConnection() {
        if (configured == null) {
            OSGI.configure("blitz.client.connection",
                    Map.of("timeoutMs", TIMEOUT_MS, "retries", 2, "updatePeriodMs", 50, "maxBackoffMs", 400));
            configured = Osgi.await(LoggerConnection.class, "(timeoutMs=" + TIMEOUT_MS + ")");
        }
        return configured;
    }

    /** The same connection component's stored-sessions role, configured as {@link #configuredConnection()}. */
    static SessionTransfer configuredTransfer() {
        configuredConnection();
        return Osgi.await(SessionTransfer.class, "(timeoutMs=" + TIMEOUT_MS + ")");
    }

    /** The client store on an in-memory database (never the user's folder), once it is up. */
    static ClientStore inMemoryStore() {
        OSGI.configure("blitz.client.store", Map.of("database", "memory"));
        return Osgi.await(ClientStore.class, "(database=memory)");
    }
}
