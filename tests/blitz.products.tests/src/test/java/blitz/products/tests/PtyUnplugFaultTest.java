// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the simulated board's pty pair disappears in the middle of a session (its socat is stopped
 * and its links removed, as a USB adapter is pulled) and the simulator itself makes a new one on the
 * same links after its {@code ptyRecreateDelayMs} (as the adapter is plugged in again). The runtime
 * keeps running, reconnects within 2 s of the replug, records one RECONNECT_GAP in the session's gap
 * ledger, and logging continues. Every message missing from the stored sequence is
 * accounted for in the ledger; none is stored twice.
 */
class PtyUnplugFaultTest {
    private static final long RECONNECT_LIMIT_MS = 2_000;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void reconnectsAfterThePtyComesBackAndLedgersTheGap(@TempDir Path data, @TempDir Path tmp) throws Exception {
        long unpluggedMs = FaultRuntime.LONG ? 30_000 : 1_500;
        FaultRuntime launched = FaultRuntime.launch(data, tmp, "-Dblitz.simulate.ptyRecreateDelayMs=" + unpluggedMs);
        try (FaultRuntime runtime = launched; LoggerClient client = runtime.client()) {
            runtime.awaitReady();
            assertEquals("ACK", client.request("START"));
            Thread.sleep(FaultRuntime.LONG ? 30_000 : 2_500);

            List<ProcessHandle> socats = runtime.socats();
            assertEquals(1, socats.size(), "one socat for the simulated board");
            socats.get(0).destroy(); // unplugged
            socats.get(0).onExit().get(10, TimeUnit.SECONDS);
            Path host = runtime.links().resolve("host");
            Path board = runtime.links().resolve("board");
            Files.deleteIfExists(host); // the device node goes away with the adapter
            Files.deleteIfExists(board);
            Thread.sleep(unpluggedMs / 2);
            assertTrue(runtime.isAlive(), "the runtime survived the unplug");
            assertEquals("ACK", client.request("LOGGING"), "still in the session while unplugged");

            // the simulator plugs its adapter in again by itself: a new socat on the same links
            long unplugged = System.nanoTime();
            while (!(Files.exists(host) && Files.exists(board))) {
                assertTrue(System.nanoTime() - unplugged < unpluggedMs * 1_000_000L + 20_000_000_000L,
                        () -> "the simulator never recreated its pty:\n" + runtime.output());
                Thread.sleep(20);
            }
            long replugged = System.nanoTime();
            assertEquals(1, runtime.socats().size(), "the simulator's new socat");
            Map<String, Long> gaps = Map.of();
            while (!gaps.containsKey("RECONNECT_GAP") && System.nanoTime() - replugged < 20_000_000_000L) {
                Thread.sleep(100);
                gaps = FaultRuntime.gapTotals(client.request("GAPS 1"), 1);
            }
            long reconnectMs = (System.nanoTime() - replugged) / 1_000_000;
            Map<String, Long> ledgerAtReconnect = gaps;
            assertTrue(gaps.containsKey("RECONNECT_GAP"), () -> "no RECONNECT_GAP in the ledger: " + ledgerAtReconnect
                    + "\nstatus:\n" + shellStatus(runtime));
            assertTrue(reconnectMs <= RECONNECT_LIMIT_MS, "reconnected " + reconnectMs + " ms after the replug");

            long storedAtReconnect = runtime.runningSessionCount(1);
            Thread.sleep(3_000); // logging continues
            assertEquals("ACK", client.request("STOP"));
            assertTrue(runtime.isAlive(), "the runtime survived the unplug");

            long[] session = FaultRuntime.sessions(client.request("SESSIONS")).get(0);
            List<String> lines = client.download(session[0]);
            assertEquals(session[3], lines.size(), "every listed message downloads");
            SequenceTally tally = SequenceTally.of(lines, FaultRuntime.BOARD);
            Map<String, Long> ledger = FaultRuntime.gapTotals(client.request("GAPS " + session[0]), session[0]);
            tally.report("pty-unplug", "unplugged " + unpluggedMs + " ms, reconnected " + reconnectMs
                    + " ms after the simulator's replug, ledger " + ledger);
            assertEquals(0, tally.duplicated(), "duplicates");
            assertEquals(1, ledger.get("RECONNECT_GAP"), "one reconnect gap");
            assertEquals(tally.lost(), ledger.getOrDefault("SEQUENCE_GAP", 0L),
                    () -> "every missing message is in the ledger (first hole at " + tally.firstMissing() + ")");
            assertTrue(tally.stored() > storedAtReconnect + 10,
                    "logging continued after the reconnect: " + storedAtReconnect + " stored then, " + tally.stored() + " at the end");
        }
    }

    private static String shellStatus(FaultRuntime runtime) {
        try {
            return runtime.shell("blitz:status");
        } catch (Exception e) {
            return "(no status: " + e + ")";
        }
    }
}
