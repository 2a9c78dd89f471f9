// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import blitz.model.SessionSummary;
import blitz.model.server.StoreUnavailableException;
import blitz.server.support.SessionBackend;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The Redis backend, with the original's key layout: {@code session_id} (INCR counter),
 * {@code sessions} (list of ids, LPUSH, newest first), {@code session_N_start} and
 * {@code session_N_end} (epoch ms) and {@code session_N} (raw messages, LPUSH, newest first; so
 * chronological index {@code i} is list index {@code -(i+1)}, which stays valid while new messages
 * are pushed at the head).
 *
 * <p>Two connections: a control connection (sync API) for sessions and reads, and the writer's
 * connection with auto-flush off: the writer queues multi-value LPUSHes and {@link #commit()} flushes
 * them in one go and waits for every reply. Both have Lettuce's auto-reconnect off, so Lettuce never
 * replays a command by itself; a dropped connection is reopened on the next call.
 *
 * <p>Idempotent appends: the writer re-sends every write of a failed cycle. The backend knows each
 * session's confirmed length; after a failure it reads LLEN once per session and skips the re-sent
 * messages that Redis had already applied (LPUSH is atomic and one connection's commands apply in
 * order, so the applied ones are always a prefix). This assumes one writer per session, as the
 * original did.
 */
final class RedisBackend implements SessionBackend {
    static final String COUNTER = "session_id";
    static final String SESSIONS = "sessions";

    private final RedisClient client;
    private final RedisURI uri;
    private final String user;
    private final Duration commandTimeout;
    private final int valuesPerPush;
    private final Object controlLock = new Object();
    private StatefulRedisConnection<String, String> control;

    // writer thread only
    private StatefulRedisConnection<String, String> writerConnection;
    private final List<RedisFuture<?>> inFlight = new ArrayList<>();
    private final Map<Long, Long> addedThisCycle = new HashMap<>();
    private final Map<Long, Long> toSkip = new HashMap<>();
    // confirmed list length per session (writer thread; removed by delete from other threads)
    private final Map<Long, Long> confirmed = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> needsCheck = new ConcurrentHashMap<>();

    /**
     * @param user the ACL user the URI's credentials are for, empty for the default user (named in errors)
     * @param ssl  TLS settings (the CA to trust) for {@code rediss://}, {@code null} for the JDK's defaults
     */
    RedisBackend(RedisURI uri, String user, SslOptions ssl, Duration connectTimeout, Duration commandTimeout,
            int valuesPerPush) {
        this.uri = uri;
        this.user = user;
        this.commandTimeout = commandTimeout;
        this.valuesPerPush = valuesPerPush;
        this.client = RedisClient.create(uri);
        ClientOptions.Builder options = ClientOptions.builder();
        if (ssl != null) {
            options.sslOptions(ssl);
        }
        client.setOptions(options
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
    }

    static String messagesKey(long sessionId) {
        return "session_" + sessionId;
    }

    static String startKey(long sessionId) {
        return "session_" + sessionId + "_start";
    }

    static String endKey(long sessionId) {
        return "session_" + sessionId + "_end";
    }

    // --- control connection -------------------------------------------------------------------

    private RedisCommands<String, String> sync() {
        synchronized (controlLock) {
            if (control == null || !control.isOpen()) {
                try {
                    control = client.connect();
                } catch (RuntimeException e) {
                    throw unreachable(e);
                }
            }
            return control.sync();
        }
    }

    private IllegalStateException unreachable(RuntimeException e) {
        return new IllegalStateException(whyNotConnected(e), e);
    }

    /**
     * @return what went wrong connecting, naming the cause a user can fix (credentials, certificates),
     *         which Lettuce hides behind "Unable to connect"; never the password (no message carries it)
     */
    private String whyNotConnected(RuntimeException e) {
        Throwable root = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.startsWith("WRONGPASS") || message.startsWith("NOAUTH") || message.startsWith("NOPERM")) {
                return "Redis at " + describe() + " refused the credentials of "
                        + (user.isEmpty() ? "the default user" : "user '" + user + "'")
                        + ": " + message + " (check 'user' and '.password' in the configuration)";
            }
            if (cause instanceof javax.net.ssl.SSLException) {
                return "Redis at " + describe() + ": the TLS handshake failed: " + message
                        + " (is the server's certificate signed by the CA in 'caFile'?)";
            }
            root = cause;
        }
        return "Redis at " + describe() + " is unreachable: " + e.getMessage()
                + (root == e ? "" : " (" + root.getMessage() + ")");
    }

    /** Runs a control operation, turning Lettuce's exceptions into one readable exception. */
    private <T> T control(Function<RedisCommands<String, String>, T> operation) {
        RedisCommands<String, String> commands = sync();
        try {
            return operation.apply(commands);
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    @Override
    public long nextSessionId() {
        return control(redis -> redis.incr(COUNTER));
    }

    @Override
    public void recordStart(long sessionId, long startMs) {
        confirmed.remove(sessionId);
        control(redis -> {
            redis.set(startKey(sessionId), Long.toString(startMs));
            return redis.lpush(SESSIONS, Long.toString(sessionId));
        });
    }

    @Override
    public long count(long sessionId) {
        return control(redis -> redis.llen(messagesKey(sessionId)));
    }

    @Override
    public List<String> read(long sessionId, long fromIndex, int max) {
        List<String> newestFirst = control(redis -> redis.lrange(messagesKey(sessionId), -(fromIndex + max), -(fromIndex + 1)));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public List<String> newest(long sessionId, int max) {
        List<String> newestFirst = control(redis -> redis.lrange(messagesKey(sessionId), 0, max - 1));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public List<Long> sessionIds() {
        List<String> ids = control(redis -> redis.lrange(SESSIONS, 0, -1));
        return ids.stream().map(RedisBackend::parseId).distinct().toList();
    }

    private static long parseId(String text) {
        return (long) Double.parseDouble(text);
    }

    @Override
    public Optional<SessionSummary> summary(long sessionId) {
        return control(redis -> {
            List<KeyValue<String, String>> times = redis.mget(startKey(sessionId), endKey(sessionId));
            if (!times.get(0).hasValue()) {
                return Optional.empty();
            }
            long start = parseTime(times.get(0).getValue());
            OptionalLong end = times.get(1).hasValue() ? OptionalLong.of(parseTime(times.get(1).getValue())) : OptionalLong.empty();
            return Optional.of(new SessionSummary(sessionId, start, end, redis.llen(messagesKey(sessionId))));
        });
    }

    /** Reads the original's times too: under Python 2 they were floats such as {@code 1395000000000.0}. */
    private static long parseTime(String text) {
        return text.equals("None") ? -1 : (long) Math.ceil(Double.parseDouble(text));
    }

    @Override
    public boolean delete(long sessionId) {
        confirmed.remove(sessionId);
        return control(redis -> {
            long listed = redis.lrem(SESSIONS, 0, Long.toString(sessionId));
            long keys = redis.del(messagesKey(sessionId), startKey(sessionId), endKey(sessionId));
            return listed > 0 || keys > 0;
        });
    }

    /** Deletes the counter, the list and every {@code session_*} key (not the rest of the database). */
    @Override
    public void deleteAll() {
        confirmed.clear();
        control(redis -> {
            List<String> batch = new ArrayList<>();
            ScanIterator<String> keys = ScanIterator.scan(redis, ScanArgs.Builder.matches("session*").limit(1000));
            while (keys.hasNext()) {
                batch.add(keys.next());
                if (batch.size() == 1000) {
                    redis.del(batch.toArray(String[]::new));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                redis.del(batch.toArray(String[]::new));
            }
            return null;
        });
    }

    @Override
    public boolean reachable() {
        try {
            return "PONG".equals(control(RedisCommands::ping));
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    // --- the writer's connection ----------------------------------------------------------------

    private RedisAsyncCommands<String, String> writer() throws StoreUnavailableException {
        if (writerConnection == null || !writerConnection.isOpen()) {
            try {
                writerConnection = client.connect();
            } catch (RuntimeException e) {
                throw new StoreUnavailableException(whyNotConnected(e), e);
            }
            writerConnection.setAutoFlushCommands(false);
        }
        return writerConnection.async();
    }

    @Override
    public void append(long sessionId, List<String> messages) throws StoreUnavailableException {
        RedisAsyncCommands<String, String> redis = writer();
        String key = messagesKey(sessionId);
        int from = 0;
        try {
            if (!confirmed.containsKey(sessionId) || needsCheck.remove(sessionId) != null) {
                long length = await(redis.llen(key));
                Long known = confirmed.put(sessionId, length);
                if (known != null && length > known) {
                    toSkip.merge(sessionId, length - known, Long::sum);
                }
            }
            Long skip = toSkip.remove(sessionId);
            if (skip != null) {
                from = (int) Math.min(skip, messages.size());
                if (skip > from) {
                    toSkip.put(sessionId, skip - from);
                }
            }
        } catch (RuntimeException e) {
            throw failed(e);
        }
        for (int start = from; start < messages.size(); start += valuesPerPush) {
            List<String> values = messages.subList(start, Math.min(messages.size(), start + valuesPerPush));
            inFlight.add(redis.lpush(key, values.toArray(String[]::new)));
        }
        addedThisCycle.merge(sessionId, (long) (messages.size() - from), Long::sum);
    }

    @Override
    public void recordEnd(long sessionId, long endMs) throws StoreUnavailableException {
        inFlight.add(writer().set(endKey(sessionId), Long.toString(endMs)));
    }

    @Override
    public void commit() throws StoreUnavailableException {
        if (inFlight.isEmpty()) {
            return;
        }
        try {
            writerConnection.flushCommands();
            RedisFuture<?>[] futures = inFlight.toArray(RedisFuture<?>[]::new);
            if (!LettuceFutures.awaitAll(commandTimeout, futures)) {
                throw new RedisCommandTimeoutException("no reply within " + commandTimeout.toMillis() + " ms");
            }
        } catch (RuntimeException e) {
            throw failed(e);
        }
        addedThisCycle.forEach((session, added) -> confirmed.computeIfPresent(session, (id, length) -> length + added));
        addedThisCycle.clear();
        inFlight.clear();
    }

    private <T> T await(RedisFuture<T> future) {
        writerConnection.flushCommands();
        try {
            return future.get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no reply within " + commandTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * After a failed cycle nothing is known about the writes in flight: drop the connection (its
     * commands are never replayed) and check every session's length before the next append.
     */
    private StoreUnavailableException failed(RuntimeException cause) {
        if (writerConnection != null) {
            writerConnection.closeAsync();
            writerConnection = null;
        }
        inFlight.clear();
        addedThisCycle.clear();
        toSkip.clear();
        confirmed.keySet().forEach(session -> needsCheck.put(session, Boolean.TRUE));
        return new StoreUnavailableException("Redis at " + describe() + ": " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        synchronized (controlLock) {
            if (control != null) {
                control.close();
            }
        }
        if (writerConnection != null) {
            writerConnection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
