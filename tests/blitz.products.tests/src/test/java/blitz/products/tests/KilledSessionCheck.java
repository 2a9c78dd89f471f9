// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

/**
 * What a runtime restarted after {@code kill -9} during session 1 must show, whatever its store: the
 * session is listed, not resumed, has no end and holds at least what was confirmed before the kill,
 * with no hole and no duplicate; its ledger holds exactly one RUNTIME_STOPPED entry; and the next
 * session gets id 2 and logs.
 */
final class KilledSessionCheck {
    private KilledSessionCheck() {
    }

    /** Checks session 1 and a new session 2, and reports the case as {@code fault}. */
    static void check(LoggerClient client, String fault, long confirmedBeforeKill) throws InterruptedException {
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
        String ledger = client.request("GAPS 1");
        Map<String, Long> gaps = FaultRuntime.gapTotals(ledger, 1);
        tally.report(fault, "confirmed before the kill=" + confirmedBeforeKill + ", ledger " + gaps);
        assertEquals(0, tally.duplicated(), "duplicates");
        assertEquals(0, tally.lost(), () -> "hole in the sequence at " + tally.firstMissing());
        assertEquals(Map.of("RUNTIME_STOPPED", 1L), gaps, "the ledger says the runtime stopped, nothing else");
        assertTrue(ledger.contains("the runtime stopped while the session was running"), () -> "the entry explains: " + ledger);

        // the store works on: a new session gets a new id
        assertEquals("ACK", client.request("START"));
        Thread.sleep(1_500);
        assertEquals("ACK", client.request("STOP"));
        List<long[]> after = FaultRuntime.sessions(client.request("SESSIONS"));
        assertEquals(2, after.size());
        assertEquals(2, after.get(1)[0], "ids are never reused");
        assertTrue(after.get(1)[3] > 0, "the new session stored messages");
    }
}
