// SPDX-License-Identifier: EPL-2.0
package blitz.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import blitz.model.server.ServerStore;
import blitz.server.redis.RigSessions;
import blitz.testing.Osgi;
import blitz.testing.RedisCli;
import blitz.testing.RedisClusterFixture;
import blitz.testing.RedisServerFixture;

/**
 * The Redis store on a Redis Cluster (three masters, three replicas): two runtimes with their own
 * key prefixes log at once; the master holding the first rig's messages is cut off its replica and
 * killed mid-session. Both keep logging; each rig's counter and list are its own; with
 * {@code WAIT 1} nothing confirmed is lost, without it every lost message is counted.
 */
class RedisClusterFailoverTest {
    @RegisterExtension
    final Osgi osgi = new Osgi();

    private ServerStore open(RedisClusterFixture cluster, String rig, int waitReplicas) {
        Map<String, Object> config = RedisSentinelFailoverTest.storeConfig(rig, waitReplicas);
        config.put("clusterNodes", cluster.seeds().toArray(String[]::new));
        config.put("keyPrefix", rig + ":");
        config.put("topologyRefreshMs", 1_000);
        osgi.configureFactory(Stores.REDIS_PID, config);
        return Osgi.await(ServerStore.class, "(blitz.test.rig=" + rig + ")");
    }

    @ParameterizedTest(name = "waitReplicas={0}")
    @ValueSource(ints = { 0, 1 })
    void shouldKeepTwoRigsApartThroughAFailoverAndCountWhatItLost(int waitReplicas) {
        try (RedisClusterFixture cluster = RedisClusterFixture.start("cluster-wait" + waitReplicas)) {
            String rigA = "rig-a" + waitReplicas;
            String rigB = "rig-b" + waitReplicas;
            FailoverRun a = new FailoverRun(open(cluster, rigA, waitReplicas), rigA);
            FailoverRun b = new FailoverRun(open(cluster, rigB, waitReplicas), rigB);
            assertEquals(1, a.sessionId(), "each rig has its own counter");
            assertEquals(1, b.sessionId(), "each rig has its own counter");
            FailoverRun.sleep(1_500);

            RedisServerFixture master = cluster.masterOf(rigA + ":session_1");
            RedisServerFixture replica = cluster.replicaOf(master);
            RedisCli.cutReplicas(master.port());
            FailoverRun.sleep(RedisSentinelFailoverTest.CUT_OFF_MS);
            cluster.kill(master);
            long killed = System.currentTimeMillis();
            long failoverMs = cluster.awaitPromotion(replica);
            // WAIT n needs n replicas: the promoted one has none until the killed node is back
            long replicaBackMs = waitReplicas > 0 ? cluster.restart(master) : 0;
            a.awaitRecovery(30_000);
            long recoveredMs = System.currentTimeMillis() - killed;
            b.awaitRecovery(30_000);
            FailoverRun.Outcome outcomeA = a.finish(1_500);
            FailoverRun.Outcome outcomeB = b.finish(0);

            System.out.printf("Cluster WAIT %d: failover %d ms after kill -9, %sstore writing again %d ms after it; %s; %s%n",
                    waitReplicas, failoverMs, waitReplicas > 0 ? "killed node back as replica " + replicaBackMs + " ms later, " : "",
                    recoveredMs, outcomeA, outcomeB);
            for (FailoverRun.Outcome outcome : List.of(outcomeA, outcomeB)) {
                assertTrue(outcome.accepted() > 2_000, "kept logging: " + outcome);
                if (waitReplicas > 0) {
                    outcome.assertNothingLost();
                } else {
                    outcome.assertCountedExactly();
                }
            }
            if (waitReplicas == 0) {
                outcomeA.assertLostAndCounted();
            }
            RedisServerFixture holderA = cluster.masterOf(rigA + ":session_1_lost");
            assertEquals(outcomeA.reported(), FailoverRun.counter(holderA.cli("GET", rigA + ":session_1_lost")),
                    "the loss is recorded beside the session");
            RedisServerFixture listB = cluster.masterOf(rigB + ":sessions");
            assertEquals(List.of("1"), listB.cli("LRANGE", rigB + ":sessions", "0", "-1"), "rig b's own list");
            assertEquals(List.of(rigB), cluster.masterOf(rigB + ":session_1_rig").cli("GET", rigB + ":session_1_rig"));
            assertTrue(recoveredMs < failoverMs + replicaBackMs + 5_000, "followed the promoted replica within the failover time: " + recoveredMs);
        }
    }
}
