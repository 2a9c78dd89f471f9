// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: {@code kill -9} of the runtime in the middle of a session, then a restart on the same data
 * folder (embedded store). Every message the store had confirmed before the kill is still there, the
 * numbered board's sequence has no hole and no duplicate, the gap ledger is intact and records the
 * stop (RUNTIME_STOPPED, from the last heartbeat to the restart), and the store hands out a new
 * session id.
 */
class RuntimeKillFaultTest {
    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void keepsEveryConfirmedMessageAcrossKillMinus9(@TempDir Path data, @TempDir Path tmp) throws Exception {
        long confirmedBeforeKill;
        try (FaultRuntime runtime = FaultRuntime.start(data, tmp); LoggerClient client = runtime.client()) {
            assertEquals("ACK", client.request("START"));
            Thread.sleep(FaultRuntime.LONG ? 60_000 : 4_000);
            // the session list reads after what was accepted before it is stored (and forced to disk)
            confirmedBeforeKill = runtime.runningSessionCount(1);
            assertTrue(confirmedBeforeKill > 10, "the board was logged before the kill: " + confirmedBeforeKill);
            Thread.sleep(700); // more messages in flight at the kill
            runtime.kill();
            assertFalse(runtime.isAlive());
        }

        try (FaultRuntime runtime = FaultRuntime.start(data, tmp); LoggerClient client = runtime.client()) {
            KilledSessionCheck.check(client, "kill-9", confirmedBeforeKill);
            assertTrue(runtime.isAlive());
        }
    }
}
