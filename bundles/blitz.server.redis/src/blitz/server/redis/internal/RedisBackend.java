// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.SessionSummary;
import blitz.model.server.StoreUnavailableException;
import blitz.server.support.SessionBackend;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The Redis backend, with the original's key layout (see {@link KeyLayout}): {@code session_N} holds
 * the raw messages, LPUSHed newest first, so chronological index {@code i} is list index
 * {@code -(i+1)}, which stays valid while new messages are pushed at the head.
 *
 * <p><b>One key per command.</b> Every command names one key (GET, SET, INCR, LPUSH, LLEN, LRANGE,
 * LREM, DEL, INCRBY), and none runs in MULTI or a script. That is what makes the same code right on
 * a Redis Cluster, where a session's keys lie in different slots: the original key names carry no
 * hash tag, and a hash tag would rename them, so an original client would no longer find them.
 * What needs no atomicity across keys: a session's messages are one list (LPUSH of many values to
 * one key is atomic); its start, end, rig and loss are single values written once; the session list
 * and the counter are one key each. A reader may see a session listed before its start time is set,
 * and lists it without a start then, as it did for the original's unfinished sessions.
 *
 * <p>Two connections: a control connection for sessions and reads, and the writer's connection with
 * auto-flush off: the writer queues multi-value LPUSHes and {@link #commit()} flushes them in one go,
 * waits for every reply and, with {@link ReplicaWait} on, for the replicas. A dropped connection is
 * reopened on the next call, through the {@link RedisTopology}, which finds the current master.
 */
final class RedisBackend implements SessionBackend {
    private static final Logger LOG = LoggerFactory.getLogger(RedisBackend.class);

    private final RedisTopology topology;
    private final KeyLayout keys;
    private final String rigName;
    private final ReplicaWait replicaWait;
    private final long commandTimeoutMs;
    private final int valuesPerPush;
    private final Function<RuntimeException, String> whyNotConnected;
    private final Object controlLock = new Object();
    private RedisLink control;

    // writer thread only
    private RedisLink writerLink;
    private final List<RedisFuture<?>> inFlight = new ArrayList<>();
    private final Set<String> keysThisCycle = new LinkedHashSet<>();
    private final Set<String> unreplicatedKeys = new HashSet<>();
    private final SessionLengths lengths = new SessionLengths();
    private final Map<Long, Long> lostThisRun = new ConcurrentHashMap<>();

    /** @param user the ACL user the credentials are for, empty for the default user (named in errors) */
    RedisBackend(RedisTopology topology, KeyLayout keys, String rigName, ReplicaWait replicaWait, long commandTimeoutMs,
            int valuesPerPush, String user) {
        this.topology = topology;
        this.keys = keys;
        this.rigName = rigName;
        this.replicaWait = replicaWait;
        this.commandTimeoutMs = commandTimeoutMs;
        this.valuesPerPush = valuesPerPush;
        this.whyNotConnected = new ConnectFailure(this::describe, user);
    }

    KeyLayout keys() {
        return keys;
    }

    String rigName() {
        return rigName;
    }

    // --- control connection -------------------------------------------------------------------

    private RedisLink controlLink() {
        synchronized (controlLock) {
            if (control == null || !control.isOpen()) {
                try {
                    control = topology.connect();
                } catch (RuntimeException e) {
                    throw new IllegalStateException(whyNotConnected.apply(e), e);
                }
            }
            return control;
        }
    }

    /** Runs a control operation, turning Lettuce's exceptions into one readable exception. */
    private <T> T control(Function<RedisClusterCommands<String, String>, T> operation) {
        RedisLink link = controlLink();
        try {
            return operation.apply(link.sync());
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            // a connection to a master that failed over may look open: the next call opens a new one
            synchronized (controlLock) {
                if (control == link) {
                    control.closeAsync();
                    control = null;
                }
            }
            throw new IllegalStateException(whyNotConnected.apply(e), e);
        }
    }

    /** With {@link ReplicaWait} on, waits until the replicas have the control connection's writes to {@code written}. */
    private void replicate(List<String> written) {
        if (!replicaWait.enabled()) {
            return;
        }
        RedisLink link = controlLink();
        replicaWait.shortfall(replicaWait.request(link, written)).ifPresent(why -> {
            throw new IllegalStateException("Redis at " + describe() + ": " + why);
        });
    }

    /**
     * Takes the next id. An id whose start time exists is skipped: after a failover without
     * {@code WAIT} the counter may have lost its last increments, and an id is never reused.
     */
    @Override
    public long nextSessionId() {
        return control(redis -> {
            long id = redis.incr(keys.counter());
            while (redis.exists(keys.start(id)) > 0) {
                LOG.warn("Redis at {}: session id {} is taken although the counter gave it (a failover lost the counter's"
                        + " last increment); taking the next", describe(), id);
                id = redis.incr(keys.counter());
            }
            return id;
        });
    }

    @Override
    public void recordStart(long sessionId, long startMs) {
        lengths.forget(sessionId);
        control(redis -> {
            redis.set(keys.start(sessionId), Long.toString(startMs));
            redis.set(keys.rig(sessionId), rigName);
            return redis.lpush(keys.sessions(), Long.toString(sessionId));
        });
        replicate(List.of(keys.counter(), keys.start(sessionId), keys.rig(sessionId), keys.sessions()));
    }

    @Override
    public long count(long sessionId) {
        return control(redis -> redis.llen(keys.messages(sessionId)));
    }

    @Override
    public List<String> read(long sessionId, long fromIndex, int max) {
        List<String> newestFirst = control(redis -> redis.lrange(keys.messages(sessionId), -(fromIndex + max), -(fromIndex + 1)));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public List<String> newest(long sessionId, int max) {
        List<String> newestFirst = control(redis -> redis.lrange(keys.messages(sessionId), 0, max - 1));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public List<Long> sessionIds() {
        List<String> ids = control(redis -> redis.lrange(keys.sessions(), 0, -1));
        return ids.stream().map(RedisBackend::parseId).distinct().toList();
    }

    private static long parseId(String text) {
        return (long) Double.parseDouble(text);
    }

    /** Two GETs, not an MGET: a session's start and end lie in different slots of a cluster. */
    @Override
    public Optional<SessionSummary> summary(long sessionId) {
        return control(redis -> {
            String start = redis.get(keys.start(sessionId));
            if (start == null) {
                return Optional.empty();
            }
            String end = redis.get(keys.end(sessionId));
            OptionalLong endTime = end == null ? OptionalLong.empty() : OptionalLong.of(parseTime(end));
            return Optional.of(new SessionSummary(sessionId, parseTime(start), endTime, redis.llen(keys.messages(sessionId))));
        });
    }

    /** Reads the original's times too: under Python 2 they were floats such as {@code 1395000000000.0}. */
    private static long parseTime(String text) {
        return text.equals("None") ? -1 : (long) Math.ceil(Double.parseDouble(text));
    }

    /** @return the rig that logged a session, empty for a session written by the original or an older runtime */
    Optional<String> rig(long sessionId) {
        return Optional.ofNullable(control(redis -> redis.get(keys.rig(sessionId))));
    }

    /** @return confirmed messages of a session that a failover lost, as recorded in Redis */
    long lost(long sessionId) {
        String lost = control(redis -> redis.get(keys.lost(sessionId)));
        return lost == null ? 0 : Long.parseLong(lost);
    }

    /** @return confirmed messages lost since this store started, by session */
    Map<Long, Long> lostThisRun() {
        return Map.copyOf(lostThisRun);
    }

    @Override
    public boolean delete(long sessionId) {
        lengths.forget(sessionId);
        return control(redis -> {
            long listed = redis.lrem(keys.sessions(), 0, Long.toString(sessionId));
            long deleted = 0;
            for (String key : List.of(keys.messages(sessionId), keys.start(sessionId), keys.end(sessionId),
                    keys.rig(sessionId), keys.lost(sessionId))) {
                deleted += redis.del(key);
            }
            return listed > 0 || deleted > 0;
        });
    }

    /** Deletes the counter, the list and every session key of this prefix, one key per DEL (cluster-safe). */
    @Override
    public void deleteAll() {
        lengths.forgetAll();
        control(redis -> {
            ScanIterator<String> found = ScanIterator.scan(redis, ScanArgs.Builder.matches(keys.everyKey()).limit(1000));
            while (found.hasNext()) {
                redis.del(found.next());
            }
            return null;
        });
    }

    @Override
    public boolean reachable() {
        try {
            return "PONG".equals(control(RedisClusterCommands::ping));
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return topology.describe() + (keys.prefix().isEmpty() ? "" : " prefix " + keys.prefix());
    }

    // --- the writer's connection ----------------------------------------------------------------

    private RedisClusterAsyncCommands<String, String> writer() throws StoreUnavailableException {
        if (writerLink == null || !writerLink.isOpen()) {
            try {
                writerLink = topology.connect();
            } catch (RuntimeException e) {
                throw new StoreUnavailableException(whyNotConnected.apply(e), e);
            }
            writerLink.manualFlush();
        }
        return writerLink.async();
    }

    @Override
    public void append(long sessionId, List<String> messages) throws StoreUnavailableException {
        RedisClusterAsyncCommands<String, String> redis = writer();
        String key = keys.messages(sessionId);
        verify(sessionId);
        int from = lengths.skip(sessionId, messages.size());
        for (int start = from; start < messages.size(); start += valuesPerPush) {
            List<String> values = messages.subList(start, Math.min(messages.size(), start + valuesPerPush));
            inFlight.add(redis.lpush(key, values.toArray(String[]::new)));
        }
        if (from < messages.size()) {
            keysThisCycle.add(key);
        }
        lengths.added(sessionId, messages.size());
    }

    /** After a failure: reads the session's length once, and records what a failover lost. */
    private void verify(long sessionId) throws StoreUnavailableException {
        if (!lengths.needsCheck(sessionId)) {
            return;
        }
        long lost;
        try {
            lost = lengths.checked(sessionId, await(writerLink.async().llen(keys.messages(sessionId))));
        } catch (RuntimeException e) {
            throw failed(e, true);
        }
        if (lost > 0) {
            lostThisRun.merge(sessionId, lost, Long::sum);
            inFlight.add(writerLink.async().incrby(keys.lost(sessionId), lost));
            keysThisCycle.add(keys.lost(sessionId));
            LOG.error("Redis at {}: {} messages of session {} that Redis had confirmed are gone: the master failed over before"
                    + " its replicas had them (set waitReplicas to wait for replicas); recorded in {}", describe(), lost,
                    sessionId, keys.lost(sessionId));
        }
    }

    @Override
    public void recordEnd(long sessionId, long endMs) throws StoreUnavailableException {
        RedisClusterAsyncCommands<String, String> redis = writer();
        verify(sessionId);
        inFlight.add(redis.set(keys.end(sessionId), Long.toString(endMs)));
        keysThisCycle.add(keys.end(sessionId));
    }

    @Override
    public void commit() throws StoreUnavailableException {
        if (inFlight.isEmpty() && unreplicatedKeys.isEmpty()) {
            return;
        }
        try {
            writerLink.flush();
            if (!LettuceFutures.awaitAll(commandTimeoutMs, TimeUnit.MILLISECONDS, inFlight.toArray(RedisFuture<?>[]::new))) {
                throw new IllegalStateException("no reply within " + commandTimeoutMs + " ms");
            }
            unreplicatedKeys.addAll(keysThisCycle);
            List<RedisFuture<Long>> acks = replicaWait.request(writerLink, unreplicatedKeys);
            writerLink.flush();
            Optional<String> shortfall = replicaWait.shortfall(acks);
            if (shortfall.isPresent()) {
                // the writes are on the master: keep its connection, whose next WAIT covers them
                throw failed(new IllegalStateException(shortfall.get()), false);
            }
        } catch (RuntimeException e) {
            throw failed(e, true);
        }
        unreplicatedKeys.clear();
        lengths.committed();
        keysThisCycle.clear();
        inFlight.clear();
    }

    private <T> T await(RedisFuture<T> future) {
        writerLink.flush();
        try {
            return future.get(commandTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no reply within " + commandTimeoutMs + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * After a failed cycle nothing is known about the writes in flight: check every session's length
     * before the next append, and (unless the writes are known to be on the master) drop the
     * connection: its commands are never replayed, and the next one goes to the current master.
     */
    private StoreUnavailableException failed(RuntimeException cause, boolean dropConnection) {
        if (dropConnection && writerLink != null) {
            writerLink.closeAsync();
            writerLink = null;
        }
        inFlight.clear();
        keysThisCycle.clear();
        lengths.failed();
        return new StoreUnavailableException("Redis at " + describe() + ": " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        synchronized (controlLock) {
            if (control != null) {
                control.close();
            }
        }
        if (writerLink != null) {
            writerLink.close();
        }
        topology.shutdown();
    }
}
