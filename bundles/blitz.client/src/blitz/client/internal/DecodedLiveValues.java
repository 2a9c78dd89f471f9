// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.client.CategoryCatalog;
import blitz.model.client.LiveCache;
import blitz.model.connection.ConnectionListener;
import blitz.model.connection.LoggerConnection;
import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.sync.LiveSource;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;

/**
 * Decodes the live lines the connection polls, keeps a bounded history per variable, and writes
 * every value to the client store's cache on a writer thread of its own, so a slow disk never slows
 * the polling. When the writer falls behind by more than its queue, the oldest pending writes are
 * dropped and counted (the values stay in memory and on screen). A replay (see {@link ReplayFeed})
 * shows its values the same way, without writing them to the cache.
 */
// the DS name from before the class was renamed: tests and configurations refer to it
@Component(name = "blitz.client.internal.LiveValuesService", service = { LiveValues.class, ReplayFeed.class })
public class DecodedLiveValues implements LiveValues, ReplayFeed {
    private static final Logger LOG = LoggerFactory.getLogger(DecodedLiveValues.class);
    private static final int CACHE_QUEUE = 10_000;

    private final LoggerConnection connection;
    private final DecoderRegistry registry;
    /**
     * Bound dynamically (DS sets the fields): the workbench's store comes up after its window, and this
     * service must not restart then. The store registers both roles at once.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LiveCache cache;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CategoryCatalog categories;
    /** The catalog {@link #categoryIds} belong to; used by the cache writer thread only. */
    private CategoryCatalog categoriesOf;
    private final Map<String, LiveSeries> series = new HashMap<>();
    private final Map<String, Long> categoryIds = new HashMap<>();
    /** Each board's clock put on ours, to date its messages (see {@link BoardClock}). */
    private final Map<Integer, BoardClock> clocks = new HashMap<>();
    private final List<Consumer<List<LiveVariable>>> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong droppedCacheWrites = new AtomicLong();
    private final ThreadPoolExecutor cacheWriter;
    private volatile LiveSource source = LiveSource.RUNTIME;
    private final ConnectionListener lineListener = new ConnectionListener() {
        @Override
        public void liveLine(String line, long receivedMillis) {
            accept(line, receivedMillis);
        }
    };

    @Activate
    public DecodedLiveValues(@Reference LoggerConnection connection, @Reference DecoderRegistry registry) {
        this.connection = connection;
        this.registry = registry;
        this.cacheWriter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(CACHE_QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "blitz-live-cache");
                    thread.setDaemon(true);
                    return thread;
                }, (task, executor) -> {
                    executor.getQueue().poll();
                    droppedCacheWrites.incrementAndGet();
                    executor.getQueue().offer(task);
                });
        connection.addListener(lineListener);
    }

    @Deactivate
    void deactivate() {
        connection.removeListener(lineListener);
        cacheWriter.shutdown();
    }

    /**
     * Decodes one live line received at {@code timeMillis}; lines that do not decode are ignored. The
     * values are dated by the board's time stamp put on this machine's clock ({@link BoardClock}), so a
     * burst of buffered messages keeps its spacing.
     */
    void accept(String line, long timeMillis) {
        if (source.replay()) {
            return;
        }
        DecodeResult result = registry.decode(line);
        if (!result.isDecoded()) {
            return;
        }
        int boardId = result.message().sender();
        long sent;
        synchronized (clocks) {
            sent = clocks.computeIfAbsent(boardId, id -> new BoardClock()).date(result.message().timestamp(), timeMillis);
        }
        List<LiveVariable> batch = append(result.values(),
                value -> new LiveVariable(value.name(), value.unit(), value.value(), sent, boardId));
        if (cache != null) {
            cacheWriter.execute(() -> writeCache(batch));
        }
        publish(batch);
    }

    private void publish(List<LiveVariable> batch) {
        for (Consumer<List<LiveVariable>> subscriber : subscribers) {
            subscriber.accept(batch);
        }
    }

    @Override
    public void switchTo(LiveSource newSource) {
        source = newSource;
        clear();
        publish(List.of());
    }

    @Override
    public void relabel(LiveSource newSource) {
        source = newSource;
        publish(List.of());
    }

    @Override
    public void replayed(List<LiveVariable> values) {
        publish(append(values, Function.identity()));
    }

    /**
     * Adds values to their variables' histories under one lock; runtime lines and a replay both come
     * this way. Each value becomes a {@link LiveVariable} only here, so a decoded line costs no list
     * of its own. @return the values after each variable's transforms
     */
    private <V> List<LiveVariable> append(List<V> arrived, Function<V, LiveVariable> asLive) {
        List<LiveVariable> shown = new ArrayList<>(arrived.size());
        synchronized (series) {
            for (V value : arrived) {
                LiveVariable live = asLive.apply(value);
                shown.add(series.computeIfAbsent(live.name(), name -> new LiveSeries(HISTORY)).add(live));
            }
        }
        return shown;
    }

    @Override
    public LiveSource source() {
        return source;
    }

    private void writeCache(List<LiveVariable> batch) {
        LiveCache target = cache;
        CategoryCatalog names = categories;
        if (target == null || names == null) {
            return;
        }
        if (names != categoriesOf) {
            categoryIds.clear(); // category ids belong to one database
            categoriesOf = names;
        }
        try {
            for (LiveVariable variable : batch) {
                long categoryId = categoryIds.computeIfAbsent(variable.name(), names::getOrCreateCategory);
                target.addCache(variable.timeMillis(), categoryId, variable.value());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not write live values to the cache", e);
        }
    }

    /** @return live values that could not be written to the cache because the writer fell behind */
    long droppedCacheWrites() {
        return droppedCacheWrites.get();
    }

    @Override
    public List<LiveVariable> latest() {
        synchronized (series) {
            return series.values().stream().map(LiveSeries::latest).filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparing(LiveVariable::name)).toList();
        }
    }

    @Override
    public double[] history(String variableName) {
        synchronized (series) {
            LiveSeries one = series.get(variableName);
            return one == null ? new double[0] : one.history();
        }
    }

    @Override
    public void setTransforms(String variableName, List<String> transforms) {
        transforms.forEach(Transform::parse); // refuse a bad list before anything changes
        synchronized (series) {
            series.computeIfAbsent(variableName, name -> new LiveSeries(HISTORY)).setTransforms(transforms);
        }
    }

    @Override
    public List<String> transforms(String variableName) {
        synchronized (series) {
            LiveSeries one = series.get(variableName);
            return one == null ? List.of() : one.transformSpecs();
        }
    }

    @Override
    public void clear() {
        synchronized (series) {
            series.replaceAll((name, old) -> {
                LiveSeries fresh = new LiveSeries(HISTORY);
                fresh.setTransforms(old.transformSpecs());
                return fresh;
            });
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<List<LiveVariable>> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }
}
