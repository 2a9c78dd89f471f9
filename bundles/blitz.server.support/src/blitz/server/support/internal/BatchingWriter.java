// SPDX-License-Identifier: EPL-2.0
package blitz.server.support.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.server.support.SessionBackend;
import blitz.server.support.WriterSettings;

/**
 * The single writer thread of a store. Producers add writes under one lock (which also guards the
 * current session, so "is a session running" and "enqueue" are one atomic step); the writer thread
 * takes everything pending (up to {@link WriterSettings#maxBatch()}) at once and hands it to the
 * {@link BackendDelivery}. It never waits to fill a batch: a message waits at most for one cycle.
 *
 * <p>When the backend fails, the failed batch and every later write go to an {@link OutageBuffer}
 * (memory, then the spool), a warning is logged once, and the writer retries every
 * {@link WriterSettings#retryIntervalMs()}: it replays the buffer in order, then resumes. The
 * backend must make re-sent writes idempotent (see {@link SessionBackend#append}).
 */
public final class BatchingWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchingWriter.class);

    /** What {@link #append} did with a message. */
    public enum Acceptance {
        ACCEPTED, NO_SESSION, OVERFLOW, CLOSED
    }

    private final SessionBackend backend;
    private final WriterSettings settings;
    private final OutageBuffer outageBuffer;
    private final BackendDelivery delivery;
    private final String spoolDescription;
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Condition progress = lock.newCondition();
    private final ArrayDeque<Op> pending = new ArrayDeque<>();
    // guarded by lock
    private long currentSession = -1;
    private long acceptedOps;
    private long storedOps;
    private boolean outage;
    private boolean overflow;
    private boolean closing;
    private boolean closed;
    private String lastError = "";

    /**
     * @param spool where writes go beyond the memory bound during an outage, {@code null} for none;
     *              writes an earlier run left in it are replayed first
     */
    public BatchingWriter(SessionBackend backend, WriterSettings settings, SpoolFile spool, String threadName) {
        this.backend = backend;
        this.settings = settings;
        this.outageBuffer = new OutageBuffer(settings.bufferLimit(), spool);
        this.delivery = new BackendDelivery(backend, settings.retryIntervalMs());
        this.spoolDescription = spool == null ? "no spool" : "spool " + spool.file();
        if (!outageBuffer.isEmpty()) {
            outage = true;
            lastError = outageBuffer.size() + " spooled writes from an earlier run wait for replay";
            LOG.info("{}: {}", backend.describe(), lastError);
        }
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes {@code sessionId} the session messages are appended to. */
    public void begin(long sessionId) {
        locked(() -> {
            currentSession = sessionId;
        });
    }

    /**
     * Ends the current session: no message is accepted for it any more, and its end time is written
     * after its last message.
     *
     * @return the ended session's id, -1 when none was running
     */
    public long end(long endMs) {
        return locked(() -> {
            long ended = currentSession;
            if (ended >= 0) {
                // a control write may exceed the capacity by one: it must never be refused
                enqueue(Op.end(ended, endMs));
                currentSession = -1;
            }
            return ended;
        });
    }

    public OptionalLong currentSession() {
        return locked(() -> currentSession < 0 ? OptionalLong.empty() : OptionalLong.of(currentSession));
    }

    /** Accepts one (already validated) message for the current session, waiting while the queue is full. */
    public Acceptance append(String message) {
        return locked(() -> appendLocked(message));
    }

    /**
     * Accepts (already validated) messages in order under one lock.
     *
     * @return how many were accepted; the first refusal ends the call
     */
    public int appendAll(List<String> messages, Consumer<Acceptance> refusal) {
        return locked(() -> {
            int accepted = 0;
            for (String message : messages) {
                Acceptance result = appendLocked(message);
                if (result != Acceptance.ACCEPTED) {
                    refusal.accept(result);
                    break;
                }
                accepted++;
            }
            return accepted;
        });
    }

    private Acceptance appendLocked(String message) {
        while (true) {
            if (closing) {
                return Acceptance.CLOSED;
            }
            if (currentSession < 0) {
                return Acceptance.NO_SESSION;
            }
            if (pending.size() < settings.queueCapacity()) {
                enqueue(Op.append(currentSession, message));
                return Acceptance.ACCEPTED;
            }
            if (overflow) {
                return Acceptance.OVERFLOW;
            }
            notFull.awaitUninterruptibly();
        }
    }

    private void enqueue(Op op) {
        pending.addLast(op);
        acceptedOps++;
        if (pending.size() == 1) {
            notEmpty.signal();
        }
    }

    /** Blocks until every write accepted so far is stored, or the writer is closed. */
    public void sync() {
        awaitStored(false);
    }

    /**
     * Like {@link #sync()} but returns early while the backend is unavailable (the writes are then
     * safe in the outage buffer).
     *
     * @return whether everything accepted so far is stored
     */
    public boolean syncUnlessUnavailable() {
        return awaitStored(true);
    }

    private boolean awaitStored(boolean stopAtOutage) {
        return locked(() -> {
            long target = acceptedOps;
            while (storedOps < target && !closed && !(stopAtOutage && outage)) {
                progress.awaitUninterruptibly();
            }
            return storedOps >= target;
        });
    }

    /** A snapshot for {@link blitz.model.server.StoreHealth}. */
    public record State(boolean outage, long buffered, long spooled, String lastError) {
    }

    public State state() {
        return locked(() -> new State(outage, pending.size() + outageBuffer.size(), outageBuffer.spooled(), lastError));
    }

    private void run() {
        List<Op> batch = new ArrayList<>(settings.maxBatch());
        while (true) {
            boolean inOutage;
            boolean retryDue;
            lock.lock();
            try {
                while (!closing && !(outage && delivery.retryDue()) && !(canTake())) {
                    // with nowhere to hold writes, producers are refused instead of waiting
                    overflow = outage && outageBuffer.room() == 0;
                    if (overflow) {
                        notFull.signalAll();
                    }
                    if (outage) {
                        notEmpty.awaitNanos(delivery.nanosUntilRetry());
                    } else {
                        notEmpty.awaitUninterruptibly();
                    }
                }
                if (closing) {
                    break;
                }
                inOutage = outage;
                retryDue = outage && delivery.retryDue();
                take(batch, inOutage ? Math.min(settings.maxBatch(), outageBuffer.room()) : settings.maxBatch());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                lock.unlock();
            }
            if (inOutage) {
                if (!batch.isEmpty()) {
                    outageBuffer.hold(batch);
                }
                if (retryDue) {
                    replay();
                }
            } else if (!batch.isEmpty() && !store(batch)) {
                outageBuffer.hold(batch);
            }
            batch.clear();
        }
        shutDown();
    }

    private boolean canTake() {
        return !pending.isEmpty() && (!outage || outageBuffer.room() > 0);
    }

    private void take(List<Op> batch, int max) {
        while (batch.size() < max && !pending.isEmpty()) {
            batch.add(pending.pollFirst());
        }
        notFull.signalAll();
    }

    /** Writes a batch and counts it as stored; on failure enters the outage state. @return whether it was stored */
    private boolean store(List<Op> ops) {
        if (!deliverOrEnterOutage(ops)) {
            return false;
        }
        countStored(ops.size());
        return true;
    }

    private boolean deliverOrEnterOutage(List<Op> ops) {
        try {
            delivery.deliver(ops);
            return true;
        } catch (IOException | RuntimeException e) {
            enterOutage(e);
            return false;
        }
    }

    private void countStored(long ops) {
        locked(() -> {
            storedOps += ops;
            progress.signalAll();
        });
    }

    private void enterOutage(Exception cause) {
        boolean first;
        lock.lock();
        try {
            first = !outage;
            outage = true;
            lastError = String.valueOf(cause.getMessage());
            progress.signalAll();
        } finally {
            lock.unlock();
        }
        if (first) {
            LOG.warn("Store {} is unavailable ({}): accepted messages are kept in memory (up to {}), then in the {},"
                    + " and written when it is back; retrying every {} ms", backend.describe(), cause.getMessage(),
                    settings.bufferLimit(), spoolDescription, settings.retryIntervalMs(), cause);
        }
    }

    /**
     * Replays the outage buffer in order; moves newly pending writes behind it as it goes. Replayed
     * writes count as stored only when the outage ends (or the replay stops), together with the end
     * of the outage, so that a caller released by {@link #sync()} sees a healthy store.
     */
    private void replay() {
        long replayed = 0;
        try {
            while (!outageBuffer.isEmpty()) {
                OutageBuffer.Batch batch = outageBuffer.peek(settings.maxBatch());
                if (!deliverOrEnterOutage(batch.ops())) {
                    countStored(replayed);
                    return;
                }
                outageBuffer.remove(batch);
                replayed += batch.ops().size();
                List<Op> arrived = new ArrayList<>();
                locked(() -> take(arrived, outageBuffer.room()));
                if (!arrived.isEmpty()) {
                    outageBuffer.hold(arrived);
                }
            }
            if (replayed == 0 && !probe()) {
                return;
            }
        } catch (IOException e) {
            countStored(replayed);
            enterOutage(e);
            return;
        }
        lock.lock();
        try {
            storedOps += replayed;
            outage = false;
            overflow = false;
            lastError = "";
            notFull.signalAll();
            progress.signalAll();
        } finally {
            lock.unlock();
        }
        LOG.info("Store {} is available again; replayed {} buffered writes in order", backend.describe(), replayed);
    }

    private boolean probe() {
        try {
            return delivery.probe();
        } catch (IOException | RuntimeException e) {
            enterOutage(e);
            return false;
        }
    }

    private void shutDown() {
        List<Op> rest = new ArrayList<>();
        locked(() -> take(rest, Integer.MAX_VALUE));
        if (!rest.isEmpty() && (outage || !store(rest))) {
            outageBuffer.hold(rest);
        }
        if (!outageBuffer.spill()) {
            LOG.error("Store {} closed while unavailable: {} accepted writes could not be kept", backend.describe(),
                    outageBuffer.size() - outageBuffer.spooled());
        }
    }

    /** Stops accepting, writes (or spools) what is pending and stops the thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outageBuffer.close();
        locked(() -> {
            closed = true;
            progress.signalAll();
        });
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }
}
