package blitz.server.redis.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

import blitz.model.DataFolder;
import blitz.model.server.ServerStore;
import blitz.server.support.BatchingServerStore;
import blitz.server.support.SpoolFile;
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
public class RedisServerStore extends BatchingServerStore {
    public static final String PID = "blitz.server.redis";
    static final String DEFAULT_SPOOL_FOLDER = "${blitz.data}/redis-spool";

    /** Configuration (PID {@value #PID}); described for tools in OSGI-INF/metatype. */
    public @interface Config {
        /** {@code redis://host:port/db} or {@code rediss://host:port/db} (TLS). */
        String uri() default "redis://127.0.0.1:6379/0";

        /** ACL user; empty for none. */
        String user() default "";

        /** Property {@code .password} (private: not shown in the service properties). */
        String _password() default "";

        /** For {@code rediss://}: PEM file of the CA that signed the server's certificate; empty: the JDK's CAs. */
        String caFile() default "";

        int connectTimeoutMs() default 5_000;

        int commandTimeoutMs() default 5_000;

        /** Spool folder; empty for {@value RedisServerStore#DEFAULT_SPOOL_FOLDER}. */
        String dataFolder() default "";

        int bufferLimit() default 100_000;

        int queueCapacity() default 262_144;

        int maxBatch() default 8_192;

        int valuesPerPush() default 1_000;

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

    private static SpoolFile spool(Config config) {
        String folder = config.dataFolder().isBlank() ? DEFAULT_SPOOL_FOLDER : config.dataFolder();
        try {
            return new SpoolFile(DataFolder.resolve(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Redis outage spool in " + folder, e);
        }
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
