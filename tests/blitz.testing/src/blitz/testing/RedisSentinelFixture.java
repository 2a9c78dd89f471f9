// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Redis with Sentinel on loopback for tests: one master, one replica and three Sentinels
 * ({@code redis-server <conf> --sentinel}, there being no {@code redis-sentinel} binary), each a
 * child process with its own port and folder, stopped by PID. The Sentinels declare the master down
 * after {@value #DOWN_AFTER_MS} ms, so a failover takes a few seconds.
 *
 * <pre>
 * try (RedisSentinelFixture sentinel = RedisSentinelFixture.start("ha")) {
 *     String uri = sentinel.uri(); // redis-sentinel://127.0.0.1:P1,...#blitz
 *     sentinel.killMaster();       // kill -9
 *     long ms = sentinel.awaitFailover();
 * }
 * </pre>
 */
public final class RedisSentinelFixture implements AutoCloseable {
    public static final String MASTER_NAME = "blitz";
    public static final int DOWN_AFTER_MS = 1_000;
    private static final int FAILOVER_TIMEOUT_MS = 5_000;

    private final RedisServerFixture master;
    private final RedisServerFixture replica;
    private final List<Integer> sentinelPorts = new ArrayList<>();
    private final List<Process> sentinels = new ArrayList<>();

    private RedisSentinelFixture(RedisServerFixture master, RedisServerFixture replica) {
        this.master = master;
        this.replica = replica;
    }

    /** Starts master, replica and three Sentinels, and waits until the Sentinels know each other and the replica. */
    public static RedisSentinelFixture start(String name) {
        RedisServerFixture master = RedisServerFixture.start(name + "-master", false, RedisCli.REPLICATION_USER);
        List<String> replicaOptions = new ArrayList<>(RedisCli.REPLICATION_USER);
        replicaOptions.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
        RedisServerFixture replica = RedisServerFixture.start(name + "-replica", false, replicaOptions);
        RedisSentinelFixture fixture = new RedisSentinelFixture(master, replica);
        try {
            for (int i = 1; i <= 3; i++) {
                fixture.startSentinel(TestFolders.newFolder(name + "-sentinel" + i));
            }
            RedisCli.await("the replica in sync", 20_000,
                    () -> RedisCli.quietly(replica.port(), "INFO", "replication").stream().anyMatch(l -> l.startsWith("master_link_status:up")));
            for (int port : fixture.sentinelPorts) {
                RedisCli.await("Sentinel " + port + " knows the other two and the replica", 30_000,
                        () -> field(RedisCli.quietly(port, "SENTINEL", "MASTER", MASTER_NAME), "num-other-sentinels").equals("2")
                                && field(RedisCli.quietly(port, "SENTINEL", "MASTER", MASTER_NAME), "num-slaves").equals("1"));
            }
        } catch (RuntimeException | AssertionError e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    /** The value after {@code name} in a flat field/value reply. */
    private static String field(List<String> reply, String name) {
        int index = reply.indexOf(name);
        return index >= 0 && index + 1 < reply.size() ? reply.get(index + 1).trim() : "";
    }

    private void startSentinel(Path folder) {
        int port = FreePort.find();
        Path conf = folder.resolve("sentinel.conf");
        String text = String.join("\n", "port " + port, "bind 127.0.0.1", "daemonize no", "dir " + folder,
                "logfile " + folder.resolve("sentinel.log"),
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 2",
                "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MS,
                "sentinel failover-timeout " + MASTER_NAME + " " + FAILOVER_TIMEOUT_MS,
                "sentinel parallel-syncs " + MASTER_NAME + " 1", "");
        try {
            Files.writeString(conf, text);
            Process process = new ProcessBuilder(RedisServerFixture.REDIS_SERVER.toString(), conf.toString(), "--sentinel")
                    .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(folder.resolve("sentinel.out").toFile())
                    .start();
            sentinels.add(process);
            sentinelPorts.add(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a Sentinel in " + folder, e);
        }
        RedisCli.await("Sentinel on " + port + " answers", 10_000, () -> RedisCli.quietly(port, "PING").contains("PONG"));
    }

    /** @return {@code redis-sentinel://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3/0#blitz} */
    public String uri() {
        return "redis-sentinel://" + sentinelPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","))
                + "/0#" + MASTER_NAME;
    }

    /** @return the master at the start */
    public RedisServerFixture master() {
        return master;
    }

    /** @return the replica at the start (the master after a failover) */
    public RedisServerFixture replica() {
        return replica;
    }

    /** @return the port of the master the Sentinels name now */
    public int currentMasterPort() {
        List<String> address = RedisCli.quietly(sentinelPorts.get(0), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
        return address.size() == 2 ? Integer.parseInt(address.get(1).trim()) : -1;
    }

    /** Cuts the master off its replica (see {@link RedisCli#cutReplicas}). */
    public void cutReplica() {
        RedisCli.cutReplicas(master.port());
    }

    /**
     * Starts the killed master again (empty, on its port) as a replica of the new master, as the
     * Sentinels would make it on their next check (up to ten seconds later). @return the
     * milliseconds until its replication link is up
     */
    public long restartOldMaster() {
        master.restart();
        RedisCli.run(master.port(), "REPLICAOF", "127.0.0.1", Integer.toString(currentMasterPort()));
        return RedisCli.await("the old master back as a replica", 30_000, () -> RedisCli.quietly(master.port(), "INFO", "replication")
                .stream().anyMatch(l -> l.trim().equals("master_link_status:up")));
    }

    /** {@code kill -9} of the master. */
    public void killMaster() {
        RedisCli.kill9(master.pid());
    }

    /** Waits until the Sentinels have promoted the replica. @return the milliseconds it took */
    public long awaitFailover() {
        return RedisCli.await("the Sentinels promote the replica", 30_000, () -> currentMasterPort() == replica.port()
                && RedisCli.quietly(replica.port(), "ROLE").stream().findFirst().orElse("").equals("master"));
    }

    @Override
    public void close() {
        for (Process sentinel : sentinels) {
            sentinel.destroy();
            try {
                if (!sentinel.waitFor(10, TimeUnit.SECONDS)) {
                    sentinel.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sentinel.destroyForcibly();
            }
        }
        replica.close();
        master.close();
    }
}
