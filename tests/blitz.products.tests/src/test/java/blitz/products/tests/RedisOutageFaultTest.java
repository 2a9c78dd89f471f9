// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: redis-server stops in the middle of a session (by its PID) and comes back later on the same
 * folder, with the runtime started with {@code --redis}. The runtime keeps reading the board, holds
 * what it reads in memory (and its spool), tells clients the store is unavailable, and replays
 * everything in order once Redis is back: 0 lost, 0 duplicated, an empty gap ledger.
 */
class RedisOutageFaultTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void spoolsWhileRedisIsDownAndReplaysWithoutLossOrDuplicates(@TempDir Path data, @TempDir Path tmp,
            @TempDir Path redisFolder) throws Exception {
        long outageMs = FaultRuntime.LONG ? 30_000 : 4_000;
        try (RedisProcess redis = RedisProcess.start(redisFolder, "always");
                FaultRuntime runtime = FaultRuntime.start(data, tmp, "--redis", redis.uri());
                LoggerClient client = runtime.client()) {
            assertEquals("ACK", client.request("START"));
            Thread.sleep(2_500);
            long storedBefore = runtime.runningSessionCount(1);
            assertTrue(storedBefore > 5, "logged into Redis before the outage: " + storedBefore);

            redis.stop();
            long receivedBefore = runtime.linesReceived();
            Thread.sleep(outageMs);
            assertTrue(runtime.isAlive(), "the runtime survived the outage");
            assertEquals("ACK", client.request("LOGGING"), "still in the session while Redis is down");
            String status = runtime.shell("blitz:status");
            assertTrue(status.contains("unavailable"), () -> "the store reports the outage: " + status);
            long receivedDuring = runtime.linesReceived() - receivedBefore;
            assertTrue(receivedDuring >= outageMs / 1000 * 5, "the board was read during the outage: " + receivedDuring);
            String notifications = client.request("NOTIFICATIONS");
            assertTrue(notifications.contains("Store unavailable in session 1"), () -> "clients are told: " + notifications);

            redis.restart();
            long restarted = System.nanoTime();
            Thread.sleep(3_000); // the spool replays, logging continues
            assertEquals("ACK", client.request("STOP"));
            long replayMs = (System.nanoTime() - restarted) / 1_000_000;
            assertTrue(client.request("NOTIFICATIONS").contains("Store available again in session 1"));

            SequenceTally tally = SequenceTally.checkNothingLost(client, "redis-outage", String.format(Locale.ROOT,
                    "redis-server down %.0f s, %d read meanwhile, stopped %d ms after the restart", outageMs / 1000.0,
                    receivedDuring, replayMs));
            assertTrue(tally.stored() >= storedBefore + receivedDuring, "what was read during the outage is stored");
            assertTrue(runtime.isAlive());
        }
    }
}
