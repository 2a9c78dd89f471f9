// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * Durable writes across a failover: after the writes are confirmed, a {@code WAIT replicas timeout}
 * on every connection they went through (one for a master, one per master touched in a cluster)
 * waits until that many replicas have them. A failover then promotes a replica that has every
 * confirmed write. Off (0 replicas) by default: Redis replicates asynchronously, and a master that
 * dies may take its last writes with it; the store then counts them (see {@link SessionLengths}).
 */
final class ReplicaWait {
    private final int replicas;
    private final long timeoutMs;
    private final long replyTimeoutMs;

    /**
     * @param replicas       replicas that must have a write before it counts as stored; 0 for none
     * @param timeoutMs      how long Redis waits for them
     * @param commandTimeoutMs the store's command timeout, added to {@code timeoutMs} for the reply
     */
    ReplicaWait(int replicas, long timeoutMs, long commandTimeoutMs) {
        this.replicas = Math.max(0, replicas);
        this.timeoutMs = Math.max(1, timeoutMs);
        this.replyTimeoutMs = this.timeoutMs + commandTimeoutMs;
    }

    boolean enabled() {
        return replicas > 0;
    }

    /**
     * Queues one {@code WAIT} per connection holding {@code keys} (not flushed: the caller flushes).
     *
     * @return the replies to check with {@link #shortfall}
     */
    List<RedisFuture<Long>> request(RedisLink link, Collection<String> keys) {
        if (!enabled()) {
            return List.of();
        }
        Set<RedisClusterAsyncCommands<String, String>> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String key : keys) {
            holders.add(link.holderOf(key));
        }
        if (holders.isEmpty()) {
            holders.add(link.async());
        }
        List<RedisFuture<Long>> acks = new ArrayList<>();
        for (RedisClusterAsyncCommands<String, String> holder : holders) {
            acks.add(holder.waitForReplication(replicas, timeoutMs));
        }
        return acks;
    }

    /** @return why the writes do not count as replicated, empty when every master had its replicas */
    Optional<String> shortfall(List<RedisFuture<Long>> acks) {
        for (RedisFuture<Long> ack : acks) {
            long confirmed;
            try {
                confirmed = ack.get(replyTimeoutMs, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                return Optional.of("WAIT failed: " + e.getCause().getMessage());
            } catch (TimeoutException e) {
                return Optional.of("no reply to WAIT within " + replyTimeoutMs + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted waiting for replicas");
            }
            if (confirmed < replicas) {
                return Optional.of("only " + confirmed + " of " + replicas + " replicas had the writes within " + timeoutMs
                        + " ms (WAIT)");
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return enabled() ? "WAIT " + replicas + " " + timeoutMs : "no WAIT";
    }
}
