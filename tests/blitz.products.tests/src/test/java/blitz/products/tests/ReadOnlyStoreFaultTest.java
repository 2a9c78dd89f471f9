// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the store folder of the data folder becomes read-only while the runtime runs (chmod 555, and
 * chattr +i when the test runs as root, whom chmod does not stop). Starting a session gives a clear
 * error in the shell and over the protocol; the runtime keeps running and answering; once the folder
 * is writable again, a session logs normally.
 */
class ReadOnlyStoreFaultTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void refusesSessionsClearlyAndLogsAgainOnceWritable(@TempDir Path data, @TempDir Path tmp) throws Exception {
        Path store = data.resolve("runtime-store");
        try (FaultRuntime runtime = FaultRuntime.start(data, tmp); LoggerClient client = runtime.client()) {
            assertTrue(Files.isDirectory(store), "the embedded store's folder is " + store);
            try {
                Assumptions.assumeTrue(FaultRuntime.makeReadOnly(store), "this file system cannot make " + store + " read-only");

                String shellReply = runtime.shell("blitz:start");
                assertTrue(shellReply.contains("not started") && shellReply.contains(store.toString()),
                        "the shell names the problem and the folder: " + shellReply);
                assertEquals("ERROR 3", client.request("START"), "the original's 'store unavailable' reply");
                String notifications = client.request("NOTIFICATIONS");
                assertTrue(notifications.contains("Session not started") && notifications.contains(store.toString()),
                        "clients are told why: " + notifications);
                assertEquals("NACK", client.request("LOGGING"), "no session runs");
                assertTrue(client.request("VERSION").startsWith("VERSION 2"), "the runtime keeps answering");
                assertTrue(runtime.isAlive());
            } finally {
                FaultRuntime.makeWritable(store);
            }

            assertEquals("ACK", client.request("START"), "logging works again once the folder is writable");
            Thread.sleep(2_500);
            assertEquals("ACK", client.request("STOP"));
            List<long[]> sessions = FaultRuntime.sessions(client.request("SESSIONS"));
            assertEquals(1, sessions.size(), "the refused starts left no session behind");
            SequenceTally tally = SequenceTally.checkNothingLost(client, "read-only-store",
                    "session " + sessions.get(0)[0] + " after the folder was writable again");
            assertTrue(tally.stored() > 10, "the session logged: " + tally);
        }
    }
}
