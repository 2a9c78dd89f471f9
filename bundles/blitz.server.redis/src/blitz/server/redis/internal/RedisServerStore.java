// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.io.File;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import blitz.model.DataFolder;
import blitz.model.SessionSummary;
import blitz.model.server.ServerStore;
import blitz.model.server.StoreHealth;
import blitz.server.redis.RigSession;
import blitz.server.redis.RigSessions;
import blitz.server.support.BatchingServerStore;
import blitz.server.support.WriterSettings;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;

/**
 * The {@link ServerStore} on Redis, keeping the original Blitz key layout (see
 * {@link RedisBackend}): on one node ({@code redis://}), on the master a set of Sentinels names
 * ({@code redis-sentinel://}) or on a Redis Cluster ({@code clusterNodes}). Active only when
 * configured (PID {@value #PID}); its service ranking (100) is above the embedded store's, so a
 * configured Redis wins. While Redis is unreachable (or failing over), accepted messages are
 * buffered in memory, then spooled to {@code <dataFolder>/spool.log}, and replayed in order when it
 * is back.
 */
@Component(service = { ServerStore.class, RigSessions.class }, configurationPid = RedisServerStore.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        property = { "service.ranking:Integer=100", "blitz.store.kind=redis" })
@Designate(ocd = RedisServerStore.Config.class)
public class RedisServerStore extends BatchingServerStore implements RigSessions {
    public static final String PID = "blitz.server.redis";
    static final String DEFAULT_SPOOL_FOLDER = "${blitz.data}/redis-spool";

    /** Configuration (PID {@value #PID}). */
    @ObjectClassDefinition(id = PID, name = "Blitz Redis session store",
            description = "Stores the runtime's sessions in Redis with the original Blitz key layout. Active only when configured; then it wins over the embedded store.")
    public @interface Config {
        @AttributeDefinition(name = "Redis URI", description = "redis://host:port/database, rediss://host:port/database for TLS, "
                + "or redis-sentinel://host:port,host:port/database#masterName for the master a set of Sentinels names.")
        String uri() default "redis://127.0.0.1:6379/0";

        @AttributeDefinition(name = "Cluster nodes", required = false,
                description = "Seed nodes of a Redis Cluster (host:port or redis://host:port, one or more); when given, the store uses the cluster and 'uri' is ignored.")
        String[] clusterNodes() default {};

        @AttributeDefinition(name = "Key prefix", required = false,
                description = "Prefix of this runtime's keys, e.g. 'rig-a:', so that several runtimes share one Redis without sharing a session counter or list; empty for the original layout.")
        String keyPrefix() default "";

        @AttributeDefinition(name = "Rig name", required = false,
                description = "The name written beside each session this runtime starts (session_N_rig); empty means the machine's host name.")
        String rigName() default "";

        @AttributeDefinition(name = "Replicas to wait for", min = "0",
                description = "With n > 0 a write counts as stored only once n replicas have it (WAIT n): a failover then loses nothing confirmed; 0 replicates asynchronously.")
        int waitReplicas() default 0;

        @AttributeDefinition(name = "Replica wait timeout (ms)", min = "1",
                description = "How long a WAIT waits for the replicas; fewer in time counts as an outage (the writes are buffered and retried).")
        int waitTimeoutMs() default 1_000;

        @AttributeDefinition(name = "Cluster topology refresh (ms)", min = "100",
                description = "Period of the cluster's slot-map refresh (MOVED, ASK and reconnects also trigger one).")
        int topologyRefreshMs() default 10_000;

        @AttributeDefinition(name = "User", required = false, description = "ACL user name; empty for the default user (or none).")
        String user() default "";

        /** Property {@code .password} (private: not shown in the service properties). */
        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
                description = "Password of the user (or the requirepass password when no user is given).")
        String _password() default "";

        @AttributeDefinition(name = "CA certificate (PEM)", required = false,
                description = "For rediss://: the CA that signed the server's certificate (may start with ${blitz.data}); empty trusts the JDK's CAs.")
        String caFile() default "";

        @AttributeDefinition(name = "Connect timeout (ms)", min = "1")
        int connectTimeoutMs() default 5_000;

        @AttributeDefinition(name = "Command timeout (ms)", min = "1",
                description = "A command not answered in this time counts as an outage: writes are buffered and retried.")
        int commandTimeoutMs() default 5_000;

        /** Spool folder; empty for {@value RedisServerStore#DEFAULT_SPOOL_FOLDER}. */
        @AttributeDefinition(name = "Spool folder", required = false,
                description = "Where writes are spooled while Redis is unreachable; empty means ${blitz.data}/redis-spool (the data folder, ~/.blitz unless the launcher sets another).")
        String dataFolder() default "";

        @AttributeDefinition(name = "Outage memory buffer", min = "0",
                description = "Messages held in memory while Redis is unreachable before they go to the spool file.")
        int bufferLimit() default 100_000;

        @AttributeDefinition(name = "Queue capacity", min = "1", description = "Messages accepted but not yet written; producers wait when it is full.")
        int queueCapacity() default 262_144;

        @AttributeDefinition(name = "Batch size", min = "1",
                description = "Messages written per write cycle (one round trip); bounds the latency a cycle adds.")
        int maxBatch() default 8_192;

        @AttributeDefinition(name = "Values per LPUSH", min = "1")
        int valuesPerPush() default 1_000;

        @AttributeDefinition(name = "Retry interval (ms)", min = "1", description = "Pause between attempts to reach Redis during an outage.")
        int retryIntervalMs() default 1_000;
    }

    private final RedisBackend backend;

    @Activate
    public RedisServerStore(Config config) {
        this(config, backend(config));
    }

    private RedisServerStore(Config config, RedisBackend backend) {
        super(backend, new WriterSettings(config.queueCapacity(), config.maxBatch(), config.bufferLimit(), config.retryIntervalMs()),
                spool(config));
        this.backend = backend;
    }

    private static RedisBackend backend(Config config) {
        if (config.waitReplicas() > 0 && config.waitTimeoutMs() >= config.commandTimeoutMs()) {
            throw new IllegalArgumentException("waitTimeoutMs (" + config.waitTimeoutMs() + ") must be below commandTimeoutMs ("
                    + config.commandTimeoutMs() + "): a WAIT would otherwise time out in the client before Redis answers");
        }
        LettuceOptions options = new LettuceOptions(ssl(config), Duration.ofMillis(config.connectTimeoutMs()),
                Duration.ofMillis(config.commandTimeoutMs()));
        List<String> nodes = Arrays.stream(config.clusterNodes()).flatMap(n -> Arrays.stream(n.split(",")))
                .map(String::trim).filter(n -> !n.isEmpty()).toList();
        RedisTopology topology;
        if (nodes.isEmpty()) {
            topology = new MasterRedisTopology(withCredentials(RedisURI.create(config.uri().trim()), config), options);
        } else {
            List<RedisURI> seeds = new ArrayList<>();
            for (String node : nodes) {
                seeds.add(withCredentials(RedisURI.create(node.contains("://") ? node : "redis://" + node), config));
            }
            topology = new ClusterRedisTopology(seeds, options, Duration.ofMillis(config.topologyRefreshMs()));
        }
        return new RedisBackend(topology, new KeyLayout(config.keyPrefix()), rigName(config),
                new ReplicaWait(config.waitReplicas(), config.waitTimeoutMs(), config.commandTimeoutMs()),
                config.commandTimeoutMs(), Math.max(1, config.valuesPerPush()), config.user().trim());
    }

    private static RedisURI withCredentials(RedisURI uri, Config config) {
        if (config._password().isEmpty()) {
            return uri;
        }
        RedisURI.Builder builder = RedisURI.builder(uri);
        if (config.user().isBlank()) {
            builder.withPassword(config._password().toCharArray());
        } else {
            builder.withAuthentication(config.user().trim(), config._password().toCharArray());
        }
        return builder.build();
    }

    private static String rigName(Config config) {
        if (!config.rigName().isBlank()) {
            return config.rigName().trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static SslOptions ssl(Config config) {
        if (config.caFile().isBlank()) {
            return null;
        }
        File caFile = DataFolder.resolve(config.caFile().trim()).toFile();
        if (!caFile.canRead()) {
            throw new IllegalArgumentException("the Redis CA file " + caFile + " (caFile) cannot be read");
        }
        return SslOptions.builder().jdkSslProvider().trustManager(caFile).build();
    }

    private static Path spool(Config config) {
        return DataFolder.resolve(config.dataFolder().isBlank() ? DEFAULT_SPOOL_FOLDER : config.dataFolder());
    }

    @Override
    public String rigName() {
        return backend.rigName();
    }

    @Override
    public String keyPrefix() {
        return backend.keys().prefix();
    }

    @Override
    public List<RigSession> sessions() {
        List<RigSession> sessions = new ArrayList<>();
        for (SessionSummary summary : clientSessionList()) {
            sessions.add(new RigSession(summary, backend.rig(summary.id()).orElse(""), backend.lost(summary.id())));
        }
        return sessions;
    }

    @Override
    public Map<Long, Long> lostSinceStart() {
        return backend.lostThisRun();
    }

    /** The health of the base store, naming the rig and any confirmed messages a failover lost. */
    @Override
    public StoreHealth health() {
        StoreHealth health = super.health();
        Map<Long, Long> lost = backend.lostThisRun();
        String detail = health.detail() + "; rig " + backend.rigName();
        if (!lost.isEmpty()) {
            detail += "; confirmed messages lost in failovers (session=count): " + lost;
        }
        return new StoreHealth(health.connected(), health.bufferedMessages(), health.spooledMessages(), detail);
    }
}
