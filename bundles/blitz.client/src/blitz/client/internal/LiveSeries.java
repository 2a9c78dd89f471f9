// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.List;

import blitz.model.sync.LiveVariable;

/** One variable's transforms and its bounded history (a ring of time/value pairs). Not thread-safe. */
final class LiveSeries {
    private final double[] times;
    private final double[] values;
    private int start;
    private int size;
    private List<String> transformSpecs = List.of();
    private List<Transform> transforms = List.of();
    private LiveVariable latest;

    LiveSeries(int capacity) {
        times = new double[capacity];
        values = new double[capacity];
    }

    void setTransforms(List<String> specs) {
        transforms = specs.stream().map(Transform::parse).toList();
        transformSpecs = List.copyOf(specs);
    }

    List<String> transformSpecs() {
        return transformSpecs;
    }

    /** @return the value after the transforms (the one given when there are none), now also the latest */
    LiveVariable add(LiveVariable arrived) {
        double value = arrived.value();
        for (Transform transform : transforms) {
            value = transform.apply(value);
        }
        int slot = (start + size) % times.length;
        times[slot] = arrived.timeMillis();
        values[slot] = value;
        if (size < times.length) {
            size++;
        } else {
            start = (start + 1) % times.length;
        }
        latest = transforms.isEmpty() ? arrived
                : new LiveVariable(arrived.name(), arrived.unit(), value, arrived.timeMillis(), arrived.boardId());
        return latest;
    }

    LiveVariable latest() {
        return latest;
    }

    double[] history() {
        double[] pairs = new double[size * 2];
        for (int i = 0; i < size; i++) {
            int slot = (start + i) % times.length;
            pairs[2 * i] = times[slot];
            pairs[2 * i + 1] = values[slot];
        }
        return pairs;
    }
}
