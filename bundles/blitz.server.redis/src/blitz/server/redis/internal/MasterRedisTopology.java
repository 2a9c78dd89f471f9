// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.time.Duration;
import java.util.stream.Collectors;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.masterreplica.MasterReplica;
import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;

/**
 * One master: a {@code redis://} or {@code rediss://} node, or the master a set of Sentinels names
 * ({@code redis-sentinel://host:port,host:port/db#masterName}). With Sentinel, Lettuce's
 * {@link MasterReplica} asks the Sentinels for the master and its replicas and follows their
 * {@code +switch-master} announcements (its topology refresh); every command goes to the master
 * ({@link ReadFrom#UPSTREAM}), so a read sees the writes before it. A connection lost in a failover
 * is not repaired in place: the store opens a new one, which asks the Sentinels again.
 */
final class MasterRedisTopology implements RedisTopology {
    private final RedisClient client;
    private final RedisURI uri;

    MasterRedisTopology(RedisURI uri, LettuceOptions options) {
        this.uri = uri;
        this.client = RedisClient.create(uri);
        ClientOptions.Builder builder = ClientOptions.builder();
        options.applyTo(builder, ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        client.setOptions(builder.build());
    }

    private boolean sentinel() {
        return !uri.getSentinels().isEmpty();
    }

    @Override
    public RedisLink connect() {
        if (sentinel()) {
            StatefulRedisMasterReplicaConnection<String, String> connection = MasterReplica.connect(client, StringCodec.UTF8, uri);
            connection.setReadFrom(ReadFrom.UPSTREAM);
            return link(connection);
        }
        return link(client.connect());
    }

    private static RedisLink link(StatefulRedisConnection<String, String> connection) {
        return new RedisLink(connection, connection.sync(), connection.async(), key -> connection.async());
    }

    @Override
    public String describe() {
        if (sentinel()) {
            return "redis-sentinel://" + uri.getSentinels().stream().map(s -> s.getHost() + ":" + s.getPort())
                    .collect(Collectors.joining(",")) + "/" + uri.getDatabase() + "#" + uri.getSentinelMasterId();
        }
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    @Override
    public void shutdown() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
