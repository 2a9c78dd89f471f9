// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault: {@code kill -9} of the runtime in the middle of a session with Redis as the store (the
 * launch script's {@code --redis}), then {@code kill -9} of redis-server too, and both restarted:
 * Redis from its append-only file ({@code appendfsync everysec} and {@code always}), the runtime on
 * the same data folder. The first START, sent while the runtime is still starting, is answered and
 * logs into Redis; every message confirmed before the kill is still there after both restarts, with
 * no hole and no duplicate; the ledger says the runtime stopped during the session.
 */
class RedisKillFaultTest {

    @ParameterizedTest(name = "appendfsync {0}")
    @ValueSource(strings = { "everysec", "always" })
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void keepsEveryConfirmedMessageInRedisAcrossKillMinus9(String appendfsync, @TempDir Path data, @TempDir Path tmp,
            @TempDir Path redisFolder) throws Exception {
        String fault = "redis-kill-9-" + appendfsync;
        long confirmedBeforeKill;
        try (RedisProcess redis = RedisProcess.start(redisFolder, appendfsync)) {
            try (FaultRuntime runtime = FaultRuntime.launch(data, tmp, "", "--redis", redis.uri());
                    LoggerClient client = runtime.client()) {
                // sent while the runtime starts: it waits in the socket until the protocol answers
                assertEquals("ACK", client.request("START"), "the first START right after launch");
                runtime.awaitReady();
                Thread.sleep(FaultRuntime.LONG ? 60_000 : 4_000);
                confirmedBeforeKill = runtime.runningSessionCount(1);
                assertTrue(confirmedBeforeKill > 10, "the board was logged before the kill: " + confirmedBeforeKill);
                assertEquals("1", redis.cli("GET", "session_id"), "the session is in Redis, not in the embedded store");
                assertTrue(Long.parseLong(redis.cli("LLEN", "session_1")) >= confirmedBeforeKill, "the messages are in Redis");
                Thread.sleep(700); // more messages in flight at the kill
                runtime.kill();
                assertFalse(runtime.isAlive());
            }
            redis.kill(); // Redis goes down too: only what its append-only file holds comes back
            redis.restart();

            try (FaultRuntime runtime = FaultRuntime.launch(data, tmp, "", "--redis", redis.uri());
                    LoggerClient client = runtime.client()) {
                assertEquals("NACK", client.request("LOGGING"), "answered at once after the launch");
                runtime.awaitReady(); // the configurations --redis left are reused without restarting the logger
                KilledSessionCheck.check(client, fault, confirmedBeforeKill);
                assertEquals("2", redis.cli("GET", "session_id"));
            }
        }
    }
}
