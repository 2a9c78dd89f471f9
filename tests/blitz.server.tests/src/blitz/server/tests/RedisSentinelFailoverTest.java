// SPDX-License-Identifier: EPL-2.0
package blitz.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import blitz.model.server.ServerStore;
import blitz.server.redis.RigSessions;
import blitz.testing.Osgi;
import blitz.testing.RedisSentinelFixture;
import blitz.testing.TestFolders;

/**
 * The Redis store on Sentinel (one master, one replica, three Sentinels): {@code kill -9} of the
 * master mid-session, after it confirmed writes its replica never got. The store follows the new
 * master within the failover time and keeps logging; with {@code WAIT 1} nothing it confirmed is
 * lost, without it every lost message is counted.
 */
class RedisSentinelFailoverTest {
    /** How long the master confirms writes its replica does not get before it is killed. */
    static final long CUT_OFF_MS = 400;
    @RegisterExtension
    final Osgi osgi = new Osgi();

    static Map<String, Object> storeConfig(String rig, int waitReplicas) {
        Map<String, Object> config = new HashMap<>();
        config.put("rigName", rig);
        config.put("waitReplicas", waitReplicas);
        config.put("waitTimeoutMs", 300);
        config.put("connectTimeoutMs", 1_000);
        config.put("commandTimeoutMs", 1_000);
        config.put("retryIntervalMs", 200);
        config.put("dataFolder", TestFolders.newFolder("spool-" + rig).toString());
        config.put("blitz.test.rig", rig);
        return config;
    }

    ServerStore open(Map<String, Object> config) {
        osgi.configureFactory(Stores.REDIS_PID, config);
        return Osgi.await(ServerStore.class, "(blitz.test.rig=" + config.get("blitz.test.rig") + ")");
    }

    @ParameterizedTest(name = "waitReplicas={0}")
    @ValueSource(ints = { 0, 1 })
    void shouldFollowTheNewMasterAndCountWhatTheFailoverLost(int waitReplicas) {
        try (RedisSentinelFixture sentinel = RedisSentinelFixture.start("sentinel-wait" + waitReplicas)) {
            String rig = "sentinel-wait" + waitReplicas;
            Map<String, Object> config = storeConfig(rig, waitReplicas);
            config.put("uri", sentinel.uri());
            ServerStore store = open(config);
            FailoverRun run = new FailoverRun(store, rig);
            FailoverRun.sleep(1_500);

            sentinel.cutReplica();
            FailoverRun.sleep(CUT_OFF_MS);
            sentinel.killMaster();
            long killed = System.currentTimeMillis();
            long failoverMs = sentinel.awaitFailover();
            // WAIT n needs n replicas: after the failover none is left until the old master is back
            long replicaBackMs = waitReplicas > 0 ? sentinel.restartOldMaster() : 0;
            run.awaitRecovery(30_000);
            long recoveredMs = System.currentTimeMillis() - killed;
            FailoverRun.Outcome outcome = run.finish(1_500);

            System.out.printf("Sentinel WAIT %d: failover %d ms after kill -9, %sstore writing again %d ms after it; %s%n",
                    waitReplicas, failoverMs, waitReplicas > 0 ? "old master back as replica " + replicaBackMs + " ms later, " : "",
                    recoveredMs, outcome);
            assertTrue(outcome.accepted() > 2_000, "kept logging: " + outcome);
            if (waitReplicas > 0) {
                outcome.assertNothingLost();
            } else {
                outcome.assertLostAndCounted();
            }
            assertEquals(outcome.reported(), FailoverRun.counter(sentinel.replica().cli("GET", "session_" + run.sessionId() + "_lost")),
                    "the loss is recorded beside the session");
            assertEquals(List.of(rig), sentinel.replica().cli("GET", "session_" + run.sessionId() + "_rig"));
            assertEquals(rig, ((RigSessions) store).sessions().get(0).rig());
            assertTrue(recoveredMs < failoverMs + replicaBackMs + 5_000, "followed the new master within the failover time: " + recoveredMs);
        }
    }
}
