// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

/**
 * A Redis Cluster, reached through any of its seed nodes with Lettuce's {@link RedisClusterClient}.
 * The slot map is refreshed periodically and on every adaptive trigger ({@code MOVED}, {@code ASK},
 * reconnects, unknown nodes), and loaded afresh for every new connection, so writes follow a
 * promoted replica once the cluster has failed over.
 *
 * <p>A {@code WAIT} for a key goes through the connection Lettuce routed the key's writes through:
 * the pooled write connection to the key's master, looked up by host and port (the key Lettuce's
 * pool uses for slot-routed writes; a look-up by node id would open a second connection, whose
 * {@code WAIT} would not cover these writes).
 */
final class ClusterRedisTopology implements RedisTopology {
    private final RedisClusterClient client;
    private final List<RedisURI> seeds;

    ClusterRedisTopology(List<RedisURI> seeds, LettuceOptions options, Duration refreshPeriod) {
        this.seeds = List.copyOf(seeds);
        this.client = RedisClusterClient.create(seeds);
        ClusterClientOptions.Builder builder = ClusterClientOptions.builder();
        options.applyTo(builder, ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS);
        builder.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                .enablePeriodicRefresh(refreshPeriod)
                .enableAllAdaptiveRefreshTriggers()
                .closeStaleConnections(true)
                .build());
        client.setOptions(builder.build());
    }

    @Override
    public RedisLink connect() {
        StatefulRedisClusterConnection<String, String> connection = client.connect();
        return new RedisLink(connection, connection.sync(), connection.async(), key -> holderOf(connection, key));
    }

    private static RedisClusterAsyncCommands<String, String> holderOf(StatefulRedisClusterConnection<String, String> connection,
            String key) {
        RedisClusterNode master = connection.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
        if (master == null) {
            throw new IllegalStateException("no master serves the slot of " + key + " now");
        }
        return connection.getConnection(master.getUri().getHost(), master.getUri().getPort()).async();
    }

    @Override
    public String describe() {
        return "redis cluster " + seeds.stream().map(s -> s.getHost() + ":" + s.getPort()).collect(Collectors.joining(","));
    }

    @Override
    public void shutdown() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
