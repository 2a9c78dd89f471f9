// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import blitz.model.DataFolder;
import blitz.model.server.ServerStore;
import blitz.server.support.BatchingServerStore;
import blitz.server.support.WriterSettings;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;

/**
 * The {@link ServerStore} on Redis, keeping the original Blitz key layout (see
 * {@link RedisBackend}). Active only when configured (PID {@value #PID}); its service ranking (100)
 * is above the embedded store's, so a configured Redis wins. While Redis is unreachable, accepted
 * messages are buffered in memory, then spooled to {@code <dataFolder>/spool.log}, and replayed in
 * order when it is back.
 */
@Component(service = ServerStore.class, configurationPid = RedisServerStore.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        property = { "service.ranking:Integer=100", "blitz.store.kind=redis" })
@Designate(ocd = RedisServerStore.Config.class)
public class RedisServerStore extends BatchingServerStore {
    public static final String PID = "blitz.server.redis";
    static final String DEFAULT_SPOOL_FOLDER = "${blitz.data}/redis-spool";

    /** Configuration (PID {@value #PID}). */
    @ObjectClassDefinition(id = PID, name = "Blitz Redis session store",
            description = "Stores the runtime's sessions in Redis with the original Blitz key layout. Active only when configured; then it wins over the embedded store.")
    public @interface Config {
        @AttributeDefinition(name = "Redis URI", description = "redis://host:port/database, or rediss://host:port/database for TLS.")
        String uri() default "redis://127.0.0.1:6379/0";

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

    @Activate
    public RedisServerStore(Config config) {
        super(backend(config),
                new WriterSettings(config.queueCapacity(), config.maxBatch(), config.bufferLimit(), config.retryIntervalMs()),
                spool(config));
    }

    private static RedisBackend backend(Config config) {
        RedisURI uri = RedisURI.create(config.uri().trim());
        if (!config._password().isEmpty()) {
            RedisURI.Builder builder = RedisURI.builder(uri);
            if (config.user().isBlank()) {
                builder.withPassword(config._password().toCharArray());
            } else {
                builder.withAuthentication(config.user().trim(), config._password().toCharArray());
            }
            uri = builder.build();
        }
        return new RedisBackend(uri, config.user().trim(), ssl(config), Duration.ofMillis(config.connectTimeoutMs()), Duration.ofMillis(config.commandTimeoutMs()),
                Math.max(1, config.valuesPerPush()));
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

}
