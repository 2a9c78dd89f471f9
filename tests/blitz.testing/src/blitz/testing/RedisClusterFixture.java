// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Redis Cluster on loopback for tests: three masters and three replicas, each a
 * {@link RedisServerFixture} (own port and folder, stopped by PID), joined by
 * {@code redis-cli --cluster create}. Nodes time out after {@value #NODE_TIMEOUT_MS} ms, so a
 * failover takes a few seconds.
 */
public final class RedisClusterFixture implements AutoCloseable {
    public static final int NODE_TIMEOUT_MS = 1_000;

    private final List<RedisServerFixture> nodes = new ArrayList<>();

    private RedisClusterFixture() {
    }

    /** Starts six nodes, creates the cluster and waits until every node reports it ok. */
    public static RedisClusterFixture start(String name) {
        RedisClusterFixture cluster = new RedisClusterFixture();
        try {
            for (int i = 1; i <= 6; i++) {
                List<String> options = new ArrayList<>(RedisCli.REPLICATION_USER);
                options.addAll(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", Integer.toString(NODE_TIMEOUT_MS)));
                cluster.nodes.add(RedisServerFixture.start(name + "-node" + i, false, options));
            }
            List<String> create = new ArrayList<>(List.of(RedisServerFixture.REDIS_CLI.toString(), "--cluster", "create"));
            cluster.nodes.forEach(node -> create.add("127.0.0.1:" + node.port()));
            create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
            RedisCli.exec(create);
            for (RedisServerFixture node : cluster.nodes) {
                RedisCli.await("node " + node.port() + " sees the cluster ok", 30_000,
                        () -> RedisCli.quietly(node.port(), "CLUSTER", "INFO").stream().anyMatch(l -> l.trim().equals("cluster_state:ok")));
            }
            for (RedisServerFixture node : cluster.nodes) {
                RedisCli.await("node " + node.port() + " has its replication link up", 30_000, () -> cluster.role(node).equals("master")
                        || RedisCli.quietly(node.port(), "INFO", "replication").stream().anyMatch(l -> l.trim().equals("master_link_status:up")));
            }
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** @return {@code 127.0.0.1:port} of every node, the seeds for a cluster client */
    public List<String> seeds() {
        return nodes.stream().map(node -> "127.0.0.1:" + node.port()).toList();
    }

    public List<RedisServerFixture> nodes() {
        return List.copyOf(nodes);
    }

    /** @return {@code master} or {@code slave}, empty when the node does not answer */
    public String role(RedisServerFixture node) {
        return RedisCli.quietly(node.port(), "ROLE").stream().findFirst().orElse("").trim();
    }

    /** @return the live node that serves {@code key}'s slot as master now */
    public RedisServerFixture masterOf(String key) {
        RedisServerFixture any = nodes.stream().filter(RedisServerFixture::isRunning).findFirst().orElseThrow();
        int slot = Integer.parseInt(RedisCli.run(any.port(), "CLUSTER", "KEYSLOT", key).get(0).trim());
        for (String line : RedisCli.run(any.port(), "CLUSTER", "NODES")) {
            String[] f = line.trim().split(" ");
            if (f.length < 9 || !f[2].contains("master") || f[2].contains("fail")) {
                continue;
            }
            for (int i = 8; i < f.length; i++) {
                String[] range = f[i].split("-");
                if (!range[0].startsWith("[") && slot >= Integer.parseInt(range[0])
                        && slot <= Integer.parseInt(range[range.length - 1])) {
                    return node(f[1]).orElseThrow();
                }
            }
        }
        throw new IllegalStateException("no master serves slot " + slot);
    }

    /** @return the replica of {@code master} */
    public RedisServerFixture replicaOf(RedisServerFixture master) {
        String masterId = RedisCli.run(master.port(), "CLUSTER", "MYID").get(0).trim();
        for (String line : RedisCli.run(master.port(), "CLUSTER", "NODES")) {
            String[] f = line.trim().split(" ");
            if (f.length > 3 && f[3].equals(masterId)) {
                return node(f[1]).orElseThrow();
            }
        }
        throw new IllegalStateException("master " + master.port() + " has no replica");
    }

    private Optional<RedisServerFixture> node(String address) {
        int port = Integer.parseInt(address.substring(address.indexOf(':') + 1, address.indexOf('@')));
        return nodes.stream().filter(node -> node.port() == port).findFirst();
    }

    /**
     * Starts a killed node again on its port and folder (its {@code nodes.conf} brings it back into
     * the cluster, as a replica of the node promoted in its place). @return the milliseconds until
     * its replication link is up
     */
    public long restart(RedisServerFixture node) {
        node.restart();
        return RedisCli.await("node " + node.port() + " back as a replica", 30_000, () -> RedisCli.quietly(node.port(), "INFO",
                "replication").stream().anyMatch(l -> l.trim().equals("master_link_status:up")));
    }

    /** {@code kill -9} of a node. */
    public void kill(RedisServerFixture node) {
        RedisCli.kill9(node.pid());
    }

    /** Waits until {@code replica} is a master and the cluster is ok again. @return the milliseconds it took */
    public long awaitPromotion(RedisServerFixture replica) {
        return RedisCli.await("node " + replica.port() + " promoted and the cluster ok", 30_000,
                () -> role(replica).equals("master") && RedisCli.quietly(replica.port(), "CLUSTER", "INFO").stream()
                        .anyMatch(l -> l.trim().equals("cluster_state:ok")));
    }

    @Override
    public void close() {
        nodes.forEach(RedisServerFixture::close);
    }
}
