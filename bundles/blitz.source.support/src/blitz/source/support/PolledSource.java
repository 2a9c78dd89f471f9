// SPDX-License-Identifier: EPL-2.0
package blitz.source.support;

import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.connection.Backoff;
import blitz.model.source.LossEvent;
import blitz.model.source.MessageSink;
import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.model.source.SourceStatistics;

/**
 * The lifecycle of a {@link MessageSource} that polls one device, so that a source only implements its
 * transport steps: {@link #connect()} (open, handshake, bring the device to reading), {@link #exchange()}
 * (one poll, every poll period), {@link #drain()} (what a stop still reads and tells the device),
 * {@link #hangUp()} (close), and, where a blocking call can be ended from outside, {@link #cutOff()}.
 *
 * <p>One worker thread, named {@link SourceSettings#workerName()}, owns the device; it takes one run
 * (from {@link #start} to {@link #stop}) at a time, so there are never two readers on one device. A
 * lost connection is reconnected with a {@link Backoff} and reported as one
 * {@link LossEvent.Kind#RECONNECT_GAP} once the device reads again.
 *
 * <p>Stopping is bounded: {@link #stop()} lets an exchange in progress end and the drain run, then
 * cuts them off when {@code stopTimeoutMs} is up, and returns within {@code stopTimeoutMs} +
 * {@value #STOP_GRACE_MS} ms in any case. A stop that was cut short, or a worker that has not finished
 * in time (held up in the sink, say), is logged as a warning and kept as the last error; such a worker
 * delivers nothing more, and a {@link #start} meanwhile returns at once (CONNECTING) and is taken up
 * by that same thread once it has finished.
 */
public abstract class PolledSource implements MessageSource {
    /** How long stop() waits for the worker beyond stopTimeoutMs (a read slice, closing the device). */
    public static final long STOP_GRACE_MS = 500;
    /** The first reconnect delay; it doubles after each failed attempt up to the configured longest. */
    public static final long FIRST_RECONNECT_DELAY_MS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(PolledSource.class);

    private final SourceSettings settings;
    private final SourceCounters counters = new SourceCounters();
    private final Object wakeUp = new Object();

    private volatile SourceState state = SourceState.STOPPED;
    private volatile Set<Integer> boardIds = Set.of();
    /** The run the worker is on (or last was on); only the worker changes it. */
    private volatile Run current = Run.NONE;
    /** The run start() asked for and stop() has not ended; null when stopped. Guarded by this. */
    private Run wanted;
    /** The one thread talking to the device, null when there is none. Guarded by this. */
    private Thread worker;

    protected PolledSource(SourceSettings settings) {
        this.settings = settings;
    }

    /**
     * Opens the device and brings it to reading (handshake, START, init commands).
     *
     * @return the ids of the boards that answered
     * @throws IOException saying why, when the device cannot be reached or does not answer
     */
    protected abstract Set<Integer> connect() throws IOException;

    /** One poll of the running device: asks it for what it has and delivers that. */
    protected abstract void exchange() throws IOException;

    /** Reads what a stopping device still holds and tells it to stop; runs after the last exchange. */
    protected abstract void drain() throws IOException;

    /** Closes the connection; the worker calls it after each connection, whatever happened. */
    protected abstract void hangUp();

    /**
     * Ends a connect or exchange in progress at once; stop() calls it from its own thread when the
     * worker is not in an exchange, and when the stop's time is up. Does nothing by default, for
     * transports whose reads come in short slices that watch {@link #stopping()}.
     */
    protected void cutOff() {
        // sliced reads see the stop by themselves
    }

    @Override
    public final String id() {
        return settings.id();
    }

    /** Returns at once; after a stop whose worker has not finished yet, that worker takes up this run. */
    @Override
    public final synchronized void start(MessageSink sink) {
        if (wanted != null) {
            return;
        }
        if (!settings.configError().isEmpty()) {
            counters.lastError(settings.configError());
            state = SourceState.FAILED;
            return;
        }
        wanted = new Run(sink);
        state = SourceState.CONNECTING;
        if (worker == null) {
            worker = new Thread(this::work, settings.workerName());
            worker.setDaemon(true);
            worker.start();
        }
    }

    /**
     * Lets the exchange in progress end, drains, hangs up and returns once the worker has finished,
     * within {@code stopTimeoutMs} + {@value #STOP_GRACE_MS} ms in any case. Nothing is delivered after
     * it returns.
     */
    @Override
    public final synchronized void stop() {
        Run ending = wanted;
        if (ending == null) {
            return;
        }
        wanted = null;
        if (ending.begun) {
            long began = System.nanoTime();
            long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(settings.stopTimeoutMs());
            ending.stop(began + timeoutNanos);
            synchronized (wakeUp) {
                wakeUp.notifyAll();
            }
            if (!ending.exchanging) {
                cutOff(); // nothing in flight to wait for: ends a connect or a handshake at once
            }
            boolean ended = awaitEnd(ending, began + timeoutNanos);
            if (!ended) {
                ending.cutShort("its " + settings.stopTimeoutMs() + " ms were up before "
                        + (ending.exchanging ? "the exchange in progress" : "the drain") + " ended");
                cutOff();
                ended = awaitEnd(ending, began + timeoutNanos + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MS));
            }
            reportCut(began, ended ? ending.drainCutShort : "the worker did not finish in time; it delivers nothing more");
        }
        ending.sink = null;
        if (wanted == null) { // else start() was called while this stop waited
            state = SourceState.STOPPED;
        }
    }

    private void reportCut(long began, String cut) {
        if (!cut.isEmpty()) {
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            LOG.warn("Stopping {} took {} ms and cut the drain short: {}", settings.device(), tookMs, cut);
            counters.lastError("stop of " + settings.device() + " cut the drain short after " + tookMs + " ms: " + cut);
        }
    }

    /**
     * Waits (letting the worker and start() in) until {@code run} has ended and, unless the worker
     * took up a new run, its thread has ended too.
     *
     * @return whether the run ended before {@code deadlineNanos}
     */
    private boolean awaitEnd(Run run, long deadlineNanos) {
        Thread ending = worker;
        try {
            long remaining;
            while (!run.ended && (remaining = deadlineNanos - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            }
            if (run.ended && worker == null && ending != null) {
                TimeUnit.NANOSECONDS.timedJoin(ending, Math.max(1, deadlineNanos - System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return run.ended;
    }

    @Override
    public final SourceState state() {
        return state;
    }

    /** @return the boards that answered on the connection in use, empty while there is none */
    @Override
    public final Set<Integer> boardIds() {
        return boardIds;
    }

    @Override
    public final SourceStatistics statistics() {
        return counters.snapshot();
    }

    protected final SourceCounters counters() {
        return counters;
    }

    /** @return whether the run in progress is being stopped */
    protected final boolean stopping() {
        return current.stopping;
    }

    /** @return whether the run in progress is being stopped and its stopTimeoutMs are up */
    protected final boolean stopTimeUp() {
        Run run = current;
        return run.stopping && System.nanoTime() - run.stopDeadlineNanos > 0;
    }

    /** Records why the stop in progress did not read everything; the first reason counts. */
    protected final void drainCutShort(String why) {
        current.cutShort(why);
    }

    /** @return System.nanoTime() of the start() that began the run in progress */
    protected final long runStartedNanos() {
        return current.startedNanos;
    }

    /** Counts and delivers one line to the run's sink; a run whose stop returned delivers nothing. */
    protected final void deliver(String line) {
        MessageSink target = current.sink;
        if (target != null) {
            counters.message();
            try {
                target.onMessage(settings.id(), line);
            } catch (RuntimeException e) {
                counters.lastError("sink failed on a message: " + e);
            }
        }
    }

    protected final void reportLoss(LossEvent.Kind kind, int boardId, long count, String detail) {
        MessageSink target = current.sink;
        if (target != null) {
            try {
                target.onLoss(settings.id(), new LossEvent(kind, boardId, count, System.currentTimeMillis(), detail));
            } catch (RuntimeException e) {
                counters.lastError("sink failed on a loss event: " + e);
            }
        }
    }

    /** Counts a bad line and reports it as a {@link LossEvent.Kind#BAD_LINE}. */
    protected final void badLine(int boardId, String detail) {
        counters.badLine();
        reportLoss(LossEvent.Kind.BAD_LINE, boardId, 1, detail);
    }

    /** The worker thread: one run after the other, as long as start() asks for one. */
    private void work() {
        Run run = null;
        try {
            while ((run = nextRun(run)) != null) {
                current = run;
                connectAndPoll(run);
            }
        } finally {
            if (run != null) { // an Error ended the thread: a later start() needs a new one
                synchronized (this) {
                    run.ended = true;
                    worker = null;
                    if (wanted == run) {
                        wanted = null;
                        state = SourceState.STOPPED;
                    }
                    notifyAll();
                }
            }
        }
    }

    /**
     * Marks {@code finished} ended and tells stop().
     *
     * @return the run start() asked for and the worker has not begun, or null after ending the worker
     */
    private synchronized Run nextRun(Run finished) {
        if (finished != null) {
            finished.ended = true;
            notifyAll();
        }
        if (wanted != null && wanted.begun) {
            // the run ended without stop(): the worker was interrupted
            wanted = null;
            state = SourceState.STOPPED;
        }
        if (wanted == null) {
            worker = null;
            return null;
        }
        wanted.begun = true;
        state = SourceState.CONNECTING;
        return wanted;
    }

    /** The connection loop of one run. */
    private void connectAndPoll(Run run) {
        Backoff backoff = new Backoff(FIRST_RECONNECT_DELAY_MS, settings.reconnectMaxDelayMs());
        boolean everRan = false;
        long lostAt = 0;
        String lostCause = "";
        while (!run.stopping) {
            try {
                Set<Integer> boards = connect();
                boardIds = boards;
                if (lostAt != 0) {
                    counters.reconnect();
                    counters.gap();
                    reportLoss(LossEvent.Kind.RECONNECT_GAP, boards.isEmpty() ? -1 : Collections.min(boards), 1,
                            "connection lost (" + lostCause + "), " + settings.device() + " read again after "
                                    + (System.currentTimeMillis() - lostAt) + " ms");
                    lostAt = 0;
                }
                everRan = true;
                backoff.reset();
                showState(run, SourceState.RUNNING);
                poll(run);
            } catch (IOException | RuntimeException e) {
                if (!run.stopping) {
                    String error = e instanceof IOException ? String.valueOf(e.getMessage()) : "unexpected " + e;
                    counters.lastError(error);
                    if (everRan && lostAt == 0) {
                        lostAt = System.currentTimeMillis();
                        lostCause = error;
                    }
                }
            } finally {
                boardIds = Set.of();
                hangUp();
            }
            if (!run.stopping) {
                // never connected: most likely a wrong address; keep trying in case the device appears
                showState(run, everRan ? SourceState.RECONNECTING : SourceState.FAILED);
                waitUntil(run, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff.nextDelayMs()));
            }
        }
    }

    /** Exchanges every poll period until stopping, then drains. */
    private void poll(Run run) throws IOException {
        long next = System.nanoTime();
        while (true) {
            run.exchanging = true; // before looking at stopping: either stop() lets this exchange end or it does not begin
            if (run.stopping) {
                run.exchanging = false;
                break;
            }
            try {
                exchange();
            } finally {
                run.exchanging = false;
            }
            next = Math.max(next + settings.pollPeriodNanos(), System.nanoTime());
            waitUntil(run, next);
        }
        try {
            drain();
        } catch (IOException | RuntimeException e) {
            run.cutShort(e instanceof IOException ? String.valueOf(e.getMessage()) : "unexpected " + e);
        }
    }

    /** Shows the worker's progress unless the run was stopped (stop() sets STOPPED or start() CONNECTING). */
    private synchronized void showState(Run run, SourceState progress) {
        if (wanted == run) {
            state = progress;
        }
    }

    private void waitUntil(Run run, long nanoTime) {
        synchronized (wakeUp) {
            long remaining;
            while (!run.stopping && (remaining = nanoTime - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(wakeUp, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    run.stopping = true;
                }
            }
        }
    }
}
