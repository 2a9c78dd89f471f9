// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import blitz.client.store.internal.DerbyDatabase;
import blitz.client.store.internal.JpaClientStore;
import blitz.model.client.ClientStore;
import blitz.testing.ClientStores;
import blitz.testing.FreePort;

/**
 * The workbench store on Derby's network server, started by the lab's script
 * (releng/run-derby-server.sh) as a child process and stopped by its PID: the store opens with the
 * configured user and password, two stores (two workstations) see each other's writes, and a wrong
 * password is refused with a clear error.
 */
class DerbyNetworkStoreTest {
    private static final String USER = "lab";
    private static final String PASSWORD = "lab-secret";
    private static Process server;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        Path script = Path.of(System.getProperty("blitz.test.derby.lib")).resolve("../../../releng/run-derby-server.sh").normalize();
        Path data = StoreService.scratchFolder("derby-server");
        port = FreePort.find();
        server = new ProcessBuilder(script.toString(), "--data", data.toString(), "--user", USER, "--password", PASSWORD,
                "--port", Integer.toString(port)).redirectErrorStream(true).redirectOutput(data.resolve("server.out").toFile())
                .start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!listening()) {
            if (!server.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the Derby network server did not start; see " + data.resolve("server.out"));
            }
            StoreService.sleep(100);
        }
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        ClientStores.configure("memory", Map.of());
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String url(String database) {
        return DerbyDatabase.NETWORK_PREFIX + "127.0.0.1:" + port + "/" + database;
    }

    @Test
    void twoWorkstationsShareOneDatabaseOnTheServer() {
        ClientStore first = ClientStores.configure(url("shared"), Map.of("user", USER, ".password", PASSWORD));
        first.setConfig("lab", "wind tunnel");
        first.logError("from the first workstation", 1);
        JpaClientStore second = new JpaClientStore(DerbyDatabase.of(url("shared"), USER, PASSWORD));
        try {
            assertEquals("wind tunnel", second.getConfig("lab").orElseThrow().value());
            second.setConfig("lab", "water tunnel");
            assertTrue(second.notificationsAfter(0, 1, 10).stream().anyMatch(n -> n.description().equals("from the first workstation")));
        } finally {
            second.close();
        }
        assertEquals("water tunnel", first.getConfig("lab").orElseThrow().value());
    }

    @Test
    void aWrongPasswordIsRefusedClearly() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new JpaClientStore(DerbyDatabase.of(url("shared"), USER, "wrong")));
        assertTrue(String.valueOf(refused.getCause()).contains("authentication"), String.valueOf(refused.getCause()));
    }

    @Test
    void aNetworkDatabaseWithoutUserIsABadSetting() {
        assertThrows(IllegalArgumentException.class, () -> DerbyDatabase.of(url("shared"), "", ""));
    }
}
