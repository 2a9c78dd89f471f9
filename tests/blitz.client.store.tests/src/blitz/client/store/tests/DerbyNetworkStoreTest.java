// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import blitz.client.store.internal.ChunkDownloadProcess;
import blitz.client.store.internal.DerbyDatabase;
import blitz.client.store.internal.JpaClientStore;
import blitz.model.client.ClientStore;
import blitz.testing.ClientStores;
import blitz.testing.FreePort;

/**
 * The workbench store on Derby's network server, started by the lab's script
 * (releng/run-derby-server.sh) as a child process and stopped by its PID: the store opens with the
 * configured user and password, two stores (two workstations) see each other's writes, two
 * workstation processes downloading the same session at once store one copy, and a wrong password
 * is refused with a clear error.
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

    /**
     * Two workstations (two JVMs) download the same session at the same moment, chunk by chunk as the
     * store does, then two different sessions side by side: the raw messages' key (session, index)
     * lets only one copy of each chunk in, and the loser's transaction (its readings too) rolls back.
     */
    @Test
    void twoWorkstationProcessesDownloadingOneSessionStoreOneCopy() throws Exception {
        ClientStore store = ClientStores.configure(url("downloads"), Map.of("user", USER, ".password", PASSWORD));
        long category = store.getOrCreateCategory("adc_channel_one");
        List<String> both = race(List.of(42L, 42L), category);
        Set<String> stored = new HashSet<>();
        for (String line : both) {
            if (line.startsWith("STORED ")) {
                assertTrue(stored.add(line), "chunk stored twice: " + line);
            }
        }
        assertEquals(CHUNKS, stored.size(), "every chunk once: " + both);
        assertEquals(CHUNKS * CHUNK, store.rawMessageCount(42));
        assertEquals(CHUNKS * CHUNK, store.getSessionReadings(42).size(), "one copy of the readings");

        List<String> sideBySide = race(List.of(43L, 44L), category);
        assertTrue(sideBySide.stream().noneMatch(line -> line.startsWith("DUPLICATE")), sideBySide.toString());
        assertEquals(CHUNKS * CHUNK, store.getSessionReadings(43).size());
        assertEquals(CHUNKS * CHUNK, store.getSessionReadings(44).size());
    }

    private static final int CHUNKS = 20;
    private static final int CHUNK = 500;

    /** Starts one download process per session id at once; @return their output lines */
    private static List<String> race(List<Long> sessions, long category) throws Exception {
        Path lib = Path.of(System.getProperty("blitz.test.derby.lib"));
        String classpath = String.join(File.pathSeparator, System.getProperty("blitz.test.crash.classpath"),
                lib.resolve("derbyclient.jar").toString(), lib.resolve("derbyshared.jar").toString(),
                lib.resolve("derbytools.jar").toString(), lib.resolve("derby.jar").toString());
        List<Process> processes = new ArrayList<>();
        long start = System.nanoTime();
        for (long session : sessions) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                    ChunkDownloadProcess.class.getName(), url("downloads"), USER, PASSWORD, Long.toString(session),
                    Integer.toString(CHUNKS), Integer.toString(CHUNK), Long.toString(category)).redirectErrorStream(true).start());
        }
        List<String> lines = new ArrayList<>();
        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0, output);
            assertTrue(output.contains("DONE"), output);
            lines.addAll(List.of(output.split("\n")));
        }
        System.out.printf("Derby network server: %d download processes for sessions %s, %d x %d lines each: %d ms%n",
                sessions.size(), sessions, CHUNKS, CHUNK, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return lines;
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
