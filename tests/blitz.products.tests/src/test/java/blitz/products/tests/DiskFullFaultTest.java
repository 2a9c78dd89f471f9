// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the disk of the data folder fills up in the middle of a session. The data folder is a small
 * tmpfs (mounted by the test, so it needs root; otherwise the case is skipped, never passed) which a
 * filler file fills to the last byte. The runtime keeps reading the board, tells clients the store
 * is not taking writes, holds what it reads in memory, and once the filler is deleted writes it all:
 * nothing stored is lost, nothing is doubled, the ledger stays empty.
 */
class DiskFullFaultTest {
    private static final String TMPFS_SIZE = "16m";

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void holdsMessagesWhileTheDiskIsFullAndWritesThemOnceThereIsSpace(@TempDir Path parent, @TempDir Path tmp)
            throws Exception {
        Path data = parent.resolve("tmpfs");
        Files.createDirectories(data);
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE, "tmpfs", data.toString()),
                "cannot mount a tmpfs on " + data);
        long fullMs = FaultRuntime.LONG ? 30_000 : 4_000;
        try {
            try (FaultRuntime runtime = FaultRuntime.start(data, tmp); LoggerClient client = runtime.client()) {
                assertEquals("ACK", client.request("START"));
                Thread.sleep(2_500);
                long storedBefore = runtime.runningSessionCount(1);
                assertTrue(storedBefore > 5, "logged before the disk filled up: " + storedBefore);

                Path filler = data.resolve("filler");
                long filled = fill(filler);
                long receivedBefore = runtime.linesReceived();
                // the journal's last page still takes a few seconds of messages; then writes fail
                long fullSince = System.nanoTime();
                String notifications = client.request("NOTIFICATIONS");
                while (!notifications.contains("Store unavailable in session 1")) {
                    assertTrue(System.nanoTime() - fullSince < 40_000_000_000L,
                            "clients are told the store is not taking writes: " + notifications);
                    Thread.sleep(200);
                    notifications = client.request("NOTIFICATIONS");
                }
                long noticedMs = (System.nanoTime() - fullSince) / 1_000_000;
                String told = notifications;
                assertTrue(told.contains("No space left on device"), () -> "and why: " + told);
                Thread.sleep(fullMs);
                assertTrue(runtime.isAlive(), "the runtime survived the full disk");
                assertEquals("ACK", client.request("LOGGING"), "still in the session while the disk is full");
                long receivedDuring = runtime.linesReceived() - receivedBefore;
                assertTrue(receivedDuring >= fullMs / 1000 * 5, "the board was read while the disk was full: " + receivedDuring);

                Files.delete(filler); // space again
                long freed = System.nanoTime();
                Thread.sleep(3_000);
                assertEquals("ACK", client.request("STOP"));
                long resumedMs = (System.nanoTime() - freed) / 1_000_000;
                assertTrue(client.request("NOTIFICATIONS").contains("Store available again in session 1"));

                SequenceTally tally = SequenceTally.checkNothingLost(client, "disk-full", String.format(Locale.ROOT,
                        "tmpfs %s filled with a %d MB file, writes failing %d ms later, full for %.0f s more, %d read meanwhile,"
                                + " stopped %d ms after freeing",
                        TMPFS_SIZE, filled >> 20, noticedMs, fullMs / 1000.0, receivedDuring, resumedMs));
                assertTrue(tally.stored() >= storedBefore + receivedDuring, "what was read while the disk was full is stored");
                assertTrue(runtime.isAlive());
            }
        } finally {
            run("umount", data.toString());
        }
    }

    /** Writes {@code filler} until the file system has no byte left; @return its size */
    private static long fill(Path filler) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int size = chunk.length; size > 0; size /= 2) {
                try {
                    while (true) {
                        out.write(chunk, 0, size);
                        out.flush();
                        written += size;
                    }
                } catch (IOException full) {
                    // go on with smaller writes to use the last bytes
                }
            }
        } catch (IOException closeOnFullDisk) {
            // the last bytes could not be flushed: the disk is full either way
        }
        return written;
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }
}
