// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.util.function.Function;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * One connection to Redis, whatever its topology: the commands every topology has in common
 * (Lettuce's cluster command interfaces, which its standalone, master/replica and cluster
 * connections all implement) and the connection that holds a key, where {@code WAIT} must go.
 */
final class RedisLink {
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> sync;
    private final RedisClusterAsyncCommands<String, String> async;
    private final Function<String, RedisClusterAsyncCommands<String, String>> holder;

    /**
     * @param holder the asynchronous commands of the connection the writes of a key went through: a
     *               {@code WAIT} there counts the replicas that have those writes
     */
    RedisLink(StatefulConnection<String, String> connection, RedisClusterCommands<String, String> sync,
            RedisClusterAsyncCommands<String, String> async, Function<String, RedisClusterAsyncCommands<String, String>> holder) {
        this.connection = connection;
        this.sync = sync;
        this.async = async;
        this.holder = holder;
    }

    RedisClusterCommands<String, String> sync() {
        return sync;
    }

    RedisClusterAsyncCommands<String, String> async() {
        return async;
    }

    RedisClusterAsyncCommands<String, String> holderOf(String key) {
        return holder.apply(key);
    }

    boolean isOpen() {
        return connection.isOpen();
    }

    void manualFlush() {
        connection.setAutoFlushCommands(false);
    }

    void flush() {
        connection.flushCommands();
    }

    void close() {
        connection.close();
    }

    void closeAsync() {
        connection.closeAsync();
    }
}
