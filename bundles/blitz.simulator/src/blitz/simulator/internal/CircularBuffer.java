// SPDX-License-Identifier: EPL-2.0
package blitz.simulator.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The firmware's message buffer: a fixed number of slots; when full, a new message overwrites the
 * oldest unsent one and that message is lost. Thread-safe.
 */
final class CircularBuffer {
    private final String[] slots;
    private int head;
    private int size;
    private long overwritten;
    private long overwrittenSinceTake;

    CircularBuffer(int capacity) {
        slots = new String[capacity];
    }

    synchronized void add(String line) {
        if (size == slots.length) {
            head = (head + 1) % slots.length;
            size--;
            overwritten++;
            overwrittenSinceTake++;
        }
        slots[(head + size) % slots.length] = line;
        size++;
    }

    /** @return every buffered message, oldest first, and empties the buffer */
    synchronized List<String> takeAll() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int slot = (head + i) % slots.length;
            out.add(slots[slot]);
            slots[slot] = null;
        }
        head = 0;
        size = 0;
        overwrittenSinceTake = 0;
        return out;
    }

    /** @return whether messages were overwritten since the last {@link #takeAll()} */
    synchronized boolean overflowedSinceTake() {
        return overwrittenSinceTake > 0;
    }

    synchronized void clear() {
        takeAll();
    }

    synchronized int size() {
        return size;
    }

    synchronized long overwritten() {
        return overwritten;
    }
}
