// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.RedisURI;

/**
 * The launcher's {@code --redis URI} option (framework property {@value #PROPERTY}): configures the
 * Redis store ({@value RedisServerStore#PID}, its {@code uri}, or its {@code clusterNodes} for a
 * comma-separated list of a cluster's nodes) and makes the logging runtime take only
 * that store (PID {@code blitz.logger}, {@code store.target}), through Configuration Admin as a user
 * would.
 *
 * <p>Why the logger's target too: the embedded store is always there, and Redis comes up a moment
 * later; a logger bound to the embedded store would be restarted when Redis appears, ending a session
 * a client had just started. This bundle starts at a lower start level than the logger (see the
 * runtime product), so both configurations are stored before the logger is enabled: the logger's
 * first activation already waits for Redis, and the first START goes to Redis.
 *
 * <p>Without the option, the settings an earlier {@code --redis} run made (marked with
 * {@value #MARKER}) are removed again, so the runtime returns to the embedded store; a Redis
 * configuration the user made by other means is left alone.
 */
@Component(immediate = true, service = {})
public final class RedisLaunchOption {
    static final String PROPERTY = "blitz.redis";
    static final String MARKER = "blitz.launchOption";
    static final String LOGGER_PID = "blitz.logger";
    static final String STORE_TARGET = "store.target";
    static final String REDIS_ONLY = "(blitz.store.kind=redis)";
    private static final Logger LOG = LoggerFactory.getLogger(RedisLaunchOption.class);

    @Activate
    public RedisLaunchOption(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) throws IOException {
        String uri = context.getProperty(PROPERTY);
        Configuration redis = configurationAdmin.getConfiguration(RedisServerStore.PID, "?");
        Configuration logger = configurationAdmin.getConfiguration(LOGGER_PID, "?");
        if (uri == null || uri.isBlank()) {
            forget(redis, logger);
            return;
        }
        String value = uri.trim();
        boolean cluster = isClusterList(value);
        try {
            for (String node : cluster ? value.split(",") : new String[] { value }) {
                RedisURI.create(node.trim());
            }
        } catch (RuntimeException e) {
            LOG.error("--redis: '{}' is not a Redis URI (redis://host:port, rediss://host:port, "
                    + "redis-sentinel://host:port,host:port#master, or a comma-separated list of a cluster's redis://host:port nodes): {}; "
                    + "the runtime keeps its embedded store", uri, e.getMessage());
            forget(redis, logger);
            return;
        }
        Dictionary<String, Object> redisProperties = propertiesOf(redis);
        if (redis.getProperties() == null || redisProperties.get(MARKER) != null) {
            redisProperties.put(MARKER, "--redis");
        }
        if (cluster) {
            updateIfChanged(redis, redisProperties, "clusterNodes", value);
        } else {
            updateIfChanged(redis, redisProperties, "uri", value);
        }
        Dictionary<String, Object> loggerProperties = propertiesOf(logger);
        loggerProperties.put(MARKER, "--redis");
        updateIfChanged(logger, loggerProperties, STORE_TARGET, REDIS_ONLY);
        LOG.info("--redis: session store on {}", uri.trim());
    }

    /** A Sentinel URI lists its Sentinels with commas; any other list names a cluster's nodes. */
    static boolean isClusterList(String value) {
        return value.contains(",") && !value.startsWith("redis-sentinel");
    }

    /**
     * Sets {@code key} only when it differs: an update with equal values would still restart the
     * components using the configuration (and the logger with them, ending a session just started).
     */
    private static void updateIfChanged(Configuration configuration, Dictionary<String, Object> properties, String key,
            String value) throws IOException {
        if (configuration.getProperties() != null && value.equals(properties.get(key))) {
            return;
        }
        properties.put(key, value);
        configuration.update(properties);
    }

    /** Removes what an earlier {@code --redis} run configured. */
    private static void forget(Configuration redis, Configuration logger) throws IOException {
        Dictionary<String, Object> redisProperties = redis.getProperties();
        if (redisProperties != null && redisProperties.get(MARKER) != null) {
            redis.delete();
        }
        Dictionary<String, Object> loggerProperties = logger.getProperties();
        if (loggerProperties != null && loggerProperties.get(MARKER) != null) {
            loggerProperties.remove(MARKER);
            loggerProperties.remove(STORE_TARGET);
            logger.update(loggerProperties);
        }
    }

    private static Dictionary<String, Object> propertiesOf(Configuration configuration) {
        Dictionary<String, Object> properties = configuration.getProperties();
        return properties == null ? new Hashtable<>() : properties;
    }
}
