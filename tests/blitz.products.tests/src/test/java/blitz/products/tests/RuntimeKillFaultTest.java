package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: {@code kill -9} of the runtime in the middle of a session, then a restart on the same data
 * folder (embedded store). Every message the store had confirmed before the kill is still there, the
 * numbered board's sequence has no hole and no duplicate, the gap ledger is intact, and the store
 * hands out a new session id.
 */
class RuntimeKillFaultTest {
    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void keepsEveryConfirmedMessageAcrossKillMinus9(@TempDir Path data, @TempDir Path tmp) throws Exception {
        long confirmedBeforeKill;
        try (FaultRuntime runtime = FaultRuntime.start(data, tmp); LoggerClient client = new LoggerClient()) {
            assertEquals("ACK", client.request("START"));
            Thread.sleep(FaultRuntime.LONG ? 60_000 : 4_000);
            // the session list reads after what was accepted before it is stored (and forced to disk)
            confirmedBeforeKill = runtime.runningSessionCount(1);
            assertTrue(confirmedBeforeKill > 10, "the board was logged before the kill: " + confirmedBeforeKill);
            Thread.sleep(700); // more messages in flight at the kill
            runtime.kill();
            assertFalse(runtime.isAlive());
        }

        try (FaultRuntime runtime = FaultRuntime.start(data, tmp); LoggerClient client = new LoggerClient()) {
            assertEquals("NACK", client.request("LOGGING"), "a killed session is not resumed");
            List<long[]> sessions = FaultRuntime.sessions(client.request("SESSIONS"));
            assertEquals(1, sessions.size(), "one session in the list");
            long[] session = sessions.get(0);
            assertEquals(1, session[0]);
            assertEquals(-1, session[2], "the killed session has no end");
            assertTrue(session[3] >= confirmedBeforeKill,
                    "stored after the restart " + session[3] + ", confirmed before the kill " + confirmedBeforeKill);

            List<String> lines = client.download(1);
            assertEquals(session[3], lines.size(), "every listed message downloads");
            SequenceTally tally = SequenceTally.of(lines, FaultRuntime.BOARD);
            Map<String, Long> gaps = FaultRuntime.gapTotals(client.request("GAPS 1"), 1);
            tally.report("kill-9", "confirmed before the kill=" + confirmedBeforeKill + ", ledger " + gaps);
            assertEquals(0, tally.duplicated(), "duplicates");
            assertEquals(0, tally.lost(), () -> "hole in the sequence at " + tally.firstMissing());
            assertEquals(Map.of(), gaps, "no loss was reported before the kill");

            // the store works on: a new session gets a new id
            assertEquals("ACK", client.request("START"));
            Thread.sleep(1_500);
            assertEquals("ACK", client.request("STOP"));
            List<long[]> after = FaultRuntime.sessions(client.request("SESSIONS"));
            assertEquals(2, after.size());
            assertEquals(2, after.get(1)[0], "ids are never reused");
            assertTrue(after.get(1)[3] > 0, "the new session stored messages");
            assertTrue(runtime.isAlive());
        }
    }
}
