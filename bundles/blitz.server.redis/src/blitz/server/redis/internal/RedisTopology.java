// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

/**
 * How the store reaches Redis: one master (directly or through Sentinel) or a cluster. Each
 * {@link #connect()} looks the topology up again (who is master now, which node holds which slot),
 * so a connection opened after a failover goes to the new master.
 */
interface RedisTopology {

    /** @throws RuntimeException (Lettuce's) when no connection can be made now */
    RedisLink connect();

    /** @return where the data lives, for logs and health; never a password */
    String describe();

    /** Releases the client's threads and connections. */
    void shutdown();
}
