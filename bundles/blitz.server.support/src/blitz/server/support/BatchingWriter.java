package blitz.server.support;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single writer thread of a store. Producers add writes under one lock (which also guards the
 * current session, so "is a session running" and "enqueue" are one atomic step); the writer thread
 * takes everything pending (up to {@link WriterSettings#maxBatch()}) at once and hands it to the
 * backend as per-session multi-message appends followed by one commit. The thread never waits to
 * fill a batch: a message waits at most for the write cycle in progress.
 *
 * <p>When the backend fails, the failed batch and every later write go to an {@link OutageBuffer}
 * (memory, then the spool), a warning is logged once, and the writer retries every
 * {@link WriterSettings#retryIntervalMs()}: it replays the buffer in order, then resumes. The
 * backend must make re-sent writes idempotent (see {@link SessionBackend#append}).
 */
public final class BatchingWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BatchingWriter.class.getName());

    /** What {@link #append} did with a message. */
    public enum Acceptance {
        ACCEPTED, NO_SESSION, OVERFLOW, CLOSED
    }

    private final SessionBackend backend;
    private final WriterSettings settings;
    private final OutageBuffer outageBuffer;
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
    private long lastAttemptNanos;

    /**
     * @param spool where writes go beyond the memory bound during an outage, {@code null} for none;
     *              writes an earlier run left in it are replayed first
     */
    public BatchingWriter(SessionBackend backend, WriterSettings settings, SpoolFile spool, String threadName) {
        this.backend = backend;
        this.settings = settings;
        this.outageBuffer = new OutageBuffer(settings.bufferLimit(), spool);
        this.spoolDescription = spool == null ? "no spool" : "spool " + spool.file();
        if (!outageBuffer.isEmpty()) {
            outage = true;
            lastError = outageBuffer.size() + " spooled writes from an earlier run wait for replay";
            LOG.log(Level.INFO, "{0}: {1}", backend.describe(), lastError);
        }
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    // --- producers --------------------------------------------------------------------------

    /** Makes {@code sessionId} the session messages are appended to. */
    public void begin(long sessionId) {
        lock.lock();
        try {
            currentSession = sessionId;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the current session: no message is accepted for it any more, and its end time is written
     * after its last message.
     *
     * @return the ended session's id, -1 when none was running
     */
    public long end(long endMs) {
        lock.lock();
        try {
            long ended = currentSession;
            if (ended >= 0) {
                // a control write may exceed the capacity by one: it must never be refused
                enqueue(Op.end(ended, endMs));
                currentSession = -1;
            }
            return ended;
        } finally {
            lock.unlock();
        }
    }

    public OptionalLong currentSession() {
        lock.lock();
        try {
            return currentSession < 0 ? OptionalLong.empty() : OptionalLong.of(currentSession);
        } finally {
            lock.unlock();
        }
    }

    /** Accepts one (already validated) message for the current session, waiting while the queue is full. */
    public Acceptance append(String message) {
        lock.lock();
        try {
            return appendLocked(message);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Accepts (already validated) messages in order under one lock.
     *
     * @return how many were accepted; the first refusal ends the call
     */
    public int appendAll(List<String> messages, Consumer<Acceptance> refusal) {
        lock.lock();
        try {
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
        } finally {
            lock.unlock();
        }
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
        lock.lock();
        try {
            long target = acceptedOps;
            while (storedOps < target && !closed && !(stopAtOutage && outage)) {
                progress.awaitUninterruptibly();
            }
            return storedOps >= target;
        } finally {
            lock.unlock();
        }
    }

    // --- health -----------------------------------------------------------------------------

    /** A snapshot for {@link blitz.model.server.StoreHealth}. */
    public record State(boolean outage, long buffered, long spooled, String lastError) {
    }

    public State state() {
        lock.lock();
        try {
            return new State(outage, pending.size() + outageBuffer.size(), outageBuffer.spooled(), lastError);
        } finally {
            lock.unlock();
        }
    }

    // --- the writer thread ------------------------------------------------------------------

    private void run() {
        List<Op> batch = new ArrayList<>(settings.maxBatch());
        while (true) {
            boolean inOutage;
            boolean retryDue;
            lock.lock();
            try {
                while (!closing && !(outage && retryDue()) && !(canTake())) {
                    // with nowhere to hold writes, producers are refused instead of waiting
                    overflow = outage && outageBuffer.room() == 0;
                    if (overflow) {
                        notFull.signalAll();
                    }
                    if (outage) {
                        notEmpty.awaitNanos(nanosUntilRetry());
                    } else {
                        notEmpty.awaitUninterruptibly();
                    }
                }
                if (closing) {
                    break;
                }
                inOutage = outage;
                retryDue = outage && retryDue();
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

    private boolean retryDue() {
        return System.nanoTime() - lastAttemptNanos >= TimeUnit.MILLISECONDS.toNanos(settings.retryIntervalMs());
    }

    private long nanosUntilRetry() {
        return Math.max(1, TimeUnit.MILLISECONDS.toNanos(settings.retryIntervalMs()) - (System.nanoTime() - lastAttemptNanos));
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
        lastAttemptNanos = System.nanoTime();
        try {
            deliver(ops);
            return true;
        } catch (IOException | RuntimeException e) {
            enterOutage(e);
            return false;
        }
    }

    private void countStored(long ops) {
        lock.lock();
        try {
            storedOps += ops;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void deliver(List<Op> ops) throws IOException {
        int i = 0;
        while (i < ops.size()) {
            Op first = ops.get(i);
            if (first.kind() == Op.Kind.END) {
                backend.recordEnd(first.sessionId(), Long.parseLong(first.payload()));
                i++;
                continue;
            }
            int j = i;
            List<String> messages = new ArrayList<>();
            while (j < ops.size() && ops.get(j).kind() == Op.Kind.APPEND && ops.get(j).sessionId() == first.sessionId()) {
                messages.add(ops.get(j).payload());
                j++;
            }
            backend.append(first.sessionId(), messages);
            i = j;
        }
        backend.commit();
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
            LOG.log(Level.WARNING, "Store " + backend.describe() + " is unavailable (" + cause.getMessage()
                    + "): accepted messages are kept in memory (up to " + settings.bufferLimit()
                    + "), then in the " + spoolDescription + ", and written when it is back; retrying every "
                    + settings.retryIntervalMs() + " ms", cause);
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
                lock.lock();
                try {
                    take(arrived, outageBuffer.room());
                } finally {
                    lock.unlock();
                }
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
        LOG.log(Level.INFO, "Store {0} is available again; replayed {1} buffered writes in order", backend.describe(), replayed);
    }

    private boolean probe() {
        lastAttemptNanos = System.nanoTime();
        try {
            backend.commit();
            return backend.reachable();
        } catch (IOException | RuntimeException e) {
            enterOutage(e);
            return false;
        }
    }

    private void shutDown() {
        List<Op> rest = new ArrayList<>();
        lock.lock();
        try {
            take(rest, Integer.MAX_VALUE);
        } finally {
            lock.unlock();
        }
        if (!rest.isEmpty() && (outage || !store(rest))) {
            outageBuffer.hold(rest);
        }
        if (!outageBuffer.spill()) {
            LOG.log(Level.ERROR, "Store {0} closed while unavailable: {1} accepted writes could not be kept",
                    backend.describe(), outageBuffer.size() - outageBuffer.spooled());
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
        lock.lock();
        try {
            closed = true;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
