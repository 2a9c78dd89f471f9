// SPDX-License-Identifier: EPL-2.0
package blitz.server.support.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds writes, in order, while the backend is unavailable: first up to a bound in memory, then (once
 * the memory part is full, and from then on until everything is replayed) in the {@link SpoolFile}.
 * Without a spool, nothing is taken beyond the memory bound. Used by the writer thread only; the
 * sizes may be read by any thread.
 */
final class OutageBuffer {
    private static final Logger LOG = LoggerFactory.getLogger(OutageBuffer.class);
    private final ArrayDeque<Op> memory = new ArrayDeque<>();
    private final int memoryLimit;
    private final SpoolFile spool;
    private volatile long memorySize;
    private volatile long spooled;
    private volatile boolean spoolFailed;

    OutageBuffer(int memoryLimit, SpoolFile spool) {
        this.memoryLimit = memoryLimit;
        this.spool = spool;
        this.spooled = spool == null ? 0 : spool.size();
    }

    long size() {
        return memorySize + spooled;
    }

    long spooled() {
        return spooled;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** @return how many more writes can be taken now */
    int room() {
        if (spool != null && !spoolFailed) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.max(0, memoryLimit - memorySize);
    }

    /**
     * Takes writes in order. Memory holds them while the spool is empty and the bound allows; when
     * the bound is reached, the memory part and the new writes move to the spool, so memory is only
     * ever older than nothing. When the spool fails, writes stay in memory (beyond the bound by at
     * most this call's writes) and {@link #room()} becomes 0.
     */
    void hold(List<Op> ops) {
        if (spooled == 0 && memorySize + ops.size() <= memoryLimit) {
            memory.addAll(ops);
        } else if (spool != null && !spoolFailed) {
            List<Op> all = new ArrayList<>(memory.size() + ops.size());
            all.addAll(memory);
            all.addAll(ops);
            try {
                spool.append(all);
                memory.clear();
                spooled = spool.size();
            } catch (IOException e) {
                spoolFailed = true;
                memory.addAll(ops);
                LOG.error("Cannot write the spool {}; keeping writes in memory and refusing new ones", spool.file(), e);
            }
        } else {
            memory.addAll(ops);
        }
        memorySize = memory.size();
    }

    /**
     * Moves what is held in memory to the spool (before shutting down), keeping the order.
     *
     * @return whether nothing is left only in memory
     */
    boolean spill() {
        if (memory.isEmpty()) {
            return true;
        }
        if (spool == null || spoolFailed) {
            return false;
        }
        try {
            spool.append(new ArrayList<>(memory));
            memory.clear();
            memorySize = 0;
            spooled = spool.size();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the oldest (up to) {@code max} writes held, in order, without removing them */
    Batch peek(int max) throws IOException {
        if (!memory.isEmpty()) {
            List<Op> ops = new ArrayList<>(Math.min(max, memory.size()));
            for (Op op : memory) {
                if (ops.size() == max) {
                    break;
                }
                ops.add(op);
            }
            return new Batch(ops, null);
        }
        SpoolFile.Chunk chunk = spool.peek(max);
        return new Batch(chunk.ops(), chunk);
    }

    /** Removes a batch from {@link #peek} after it was stored. */
    void remove(Batch batch) throws IOException {
        if (batch.spoolChunk() == null) {
            for (int i = 0; i < batch.ops().size(); i++) {
                memory.removeFirst();
            }
            memorySize = memory.size();
        } else {
            spool.consumed(batch.spoolChunk());
            spooled = spool.size();
        }
    }

    record Batch(List<Op> ops, SpoolFile.Chunk spoolChunk) {
    }

    /** Closes the spool (what it holds stays for the next run). */
    void close() {
        if (spool != null) {
            try {
                spool.close();
            } catch (IOException e) {
                LOG.error("Cannot close the spool {}", spool.file(), e);
            }
        }
    }
}
