// SPDX-License-Identifier: EPL-2.0
package blitz.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import blitz.model.server.ServerStore;
import blitz.server.redis.RigSession;
import blitz.server.redis.RigSessions;
import blitz.testing.Osgi;
import blitz.testing.RedisServerFixture;

/** Several runtimes on one Redis node: each prefix has its own counter and list; no prefix is the original layout. */
class RedisKeyPrefixTest {
    @RegisterExtension
    final Osgi osgi = new Osgi();

    private ServerStore open(RedisServerFixture redis, String rig, String prefix) {
        Map<String, Object> config = RedisSentinelFailoverTest.storeConfig(rig, 0);
        config.put("uri", redis.uri());
        config.put("keyPrefix", prefix);
        osgi.configureFactory(Stores.REDIS_PID, config);
        return Osgi.await(ServerStore.class, "(blitz.test.rig=" + rig + ")");
    }

    @Test
    void shouldKeepEachRigsCounterListAndFlushApart() {
        try (RedisServerFixture redis = RedisServerFixture.start("prefix", false)) {
            ServerStore original = open(redis, "lab-pc", "");
            ServerStore rigA = open(redis, "rig-a", "rig-a:");
            ServerStore rigB = open(redis, "rig-b", "rig-b:");
            for (ServerStore store : List.of(original, rigA, rigA, rigB)) {
                store.startSession();
                store.queueAll(List.of("x", "y"));
                store.stopSession();
            }

            assertEquals(List.of("1"), redis.cli("GET", "session_id"), "the unprefixed runtime writes the original keys");
            assertEquals(List.of("y", "x"), redis.cli("LRANGE", "session_1", "0", "-1"));
            assertEquals(List.of("2"), redis.cli("GET", "rig-a:session_id"));
            assertEquals(List.of("2", "1"), redis.cli("LRANGE", "rig-a:sessions", "0", "-1"));
            assertEquals(List.of("1"), redis.cli("LRANGE", "rig-b:sessions", "0", "-1"));
            assertEquals(List.of("rig-b"), redis.cli("GET", "rig-b:session_1_rig"));
            assertEquals(List.of(1L), original.availableSessions());

            List<RigSession> listed = ((RigSessions) rigA).sessions();
            assertEquals(List.of(2L, 1L), listed.stream().map(s -> s.summary().id()).toList());
            assertTrue(listed.stream().allMatch(s -> s.rig().equals("rig-a") && s.lostMessages() == 0), listed.toString());
            assertEquals("rig-a:", ((RigSessions) rigA).keyPrefix());
            assertTrue(rigA.health().detail().contains("rig rig-a"), rigA.health().detail());

            rigA.flush(ServerStore.FLUSH_CONFIRMATION);
            assertEquals(List.of(), rigA.availableSessions());
            assertEquals(List.of(1L), rigB.availableSessions(), "one rig's flush leaves the others alone");
            assertEquals(List.of(1L), original.availableSessions());
        }
    }
}
