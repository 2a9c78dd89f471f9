// SPDX-License-Identifier: EPL-2.0
package blitz.model.client;

import java.util.Arrays;

/**
 * A growable column-oriented batch of readings of one session, for the bulk path. Holds primitives
 * only, so a chunk of a million readings costs 24 bytes each and no objects.
 */
public final class ReadingBatch {
    private long[] times;
    private long[] categories;
    private double[] values;
    private int size;

    public ReadingBatch(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new long[capacity];
        categories = new long[capacity];
        values = new double[capacity];
    }

    public void add(long timeLogged, long categoryId, double value) {
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            categories = Arrays.copyOf(categories, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        times[size] = timeLogged;
        categories[size] = categoryId;
        values[size] = value;
        size++;
    }

    public int size() {
        return size;
    }

    public long timeLogged(int index) {
        return times[index];
    }

    public long categoryId(int index) {
        return categories[index];
    }

    public double value(int index) {
        return values[index];
    }

    public void clear() {
        size = 0;
    }
}
