// SPDX-License-Identifier: EPL-2.0
package blitz.testing.swt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import blitz.model.sync.LiveSource;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;

/**
 * Live values a test drives, for the views that show them: the latest value per variable (in the order
 * they first arrived), a history per variable the test sets, where the values come from (the runtime,
 * or a replay), and the subscribers each published value is handed to. Transforms are not supported.
 */
public final class LiveFeed implements LiveValues {
    private final Map<String, LiveVariable> latest = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final Map<String, double[]> histories = new ConcurrentHashMap<>();
    private final List<Consumer<List<LiveVariable>>> listeners = new CopyOnWriteArrayList<>();
    private volatile LiveSource source = LiveSource.RUNTIME;

    /** Makes {@code value} its variable's latest and hands it to the subscribers. */
    public void publish(LiveVariable value) {
        if (latest.put(value.name(), value) == null) {
            order.add(value.name());
        }
        listeners.forEach(listener -> listener.accept(List.of(value)));
    }

    /** Sets a variable's history: {@code t0, v0, t1, v1, ...} as {@link LiveValues#history} returns it. */
    public void setHistory(String variableName, double[] history) {
        histories.put(variableName, history.clone());
    }

    /** Says where the values come from from now on. */
    public void setSource(LiveSource newSource) {
        source = newSource;
    }

    @Override
    public LiveSource source() {
        return source;
    }

    @Override
    public List<LiveVariable> latest() {
        List<LiveVariable> values = new ArrayList<>();
        for (String name : order) {
            LiveVariable value = latest.get(name);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    @Override
    public double[] history(String variableName) {
        return histories.getOrDefault(variableName, new double[0]).clone();
    }

    @Override
    public void setTransforms(String variableName, List<String> transforms) {
        throw new IllegalArgumentException("no transforms here");
    }

    @Override
    public List<String> transforms(String variableName) {
        return List.of();
    }

    @Override
    public void clear() {
        latest.clear();
        order.clear();
        histories.clear();
    }

    @Override
    public AutoCloseable subscribe(Consumer<List<LiveVariable>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
