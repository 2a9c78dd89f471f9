// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.logger.Preflight;
import blitz.model.Notification;
import blitz.model.SessionSummary;
import blitz.model.server.ServerStore;
import blitz.model.server.StoreHealth;
import blitz.model.server.StoreUnavailableException;
import blitz.model.source.MessageSource;

/**
 * Starts, stops and deletes sessions: drains the sources around each change, opens and closes the
 * store's session and its gap ledger, and watches the running session (the ledger's running marker,
 * the store taking writes, the {@link SilenceWatch}). Session changes hold the {@link SourceRegistry}'s monitor.
 */
final class SessionLifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLifecycle.class);
    private static final long WATCH_PERIOD_MS = 1_000;
    /** A session start or stop slower than this is logged as a warning (clients wait for it). */
    private static final long SLOW_SESSION_CHANGE_MS = 2_000;

    private final ServerStore store;
    private final SourceRegistry sources;
    private final GapLedger ledger;
    private final RuntimeNotifier notifier;
    private final SilenceWatch silence;
    private final ScheduledExecutorService watch;
    /** The running session's id, 0 when none runs; written holding the registry's monitor. */
    private volatile long currentSession;
    /** What the watch saw last; only its thread uses it. */
    private boolean storeWasAvailable = true;

    SessionLifecycle(ServerStore store, SourceRegistry sources, GapLedger ledger, RuntimeNotifier notifier,
            SilenceWatch silence) {
        this.store = store;
        this.sources = sources;
        this.ledger = ledger;
        this.notifier = notifier;
        this.silence = silence;
        this.watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "blitz-logger-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(this::watchSession, WATCH_PERIOD_MS, WATCH_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** @return the running session's id, 0 when none runs (read on the ingest path for every line) */
    long current() {
        return currentSession;
    }

    OptionalLong currentSession() {
        long id = currentSession;
        return id == 0 ? OptionalLong.empty() : OptionalLong.of(id);
    }

    /** @param preflight the check a start is based on, run once no session can start meanwhile */
    Preflight start(Supplier<Preflight> preflight) throws StoreUnavailableException {
        long entered = System.nanoTime();
        synchronized (sources) {
            if (currentSession != 0) {
                throw new IllegalStateException("session " + currentSession + " is running already");
            }
            Preflight report = preflight.get();
            if (report.verdict() == Preflight.Verdict.UNAVAILABLE) {
                notifier.notify(Notification.ERROR, "Session not started: " + report.summary());
                LOG.error("Session not started: {}", report.summary());
                throw new StoreUnavailableException(report.summary());
            }
            if (report.verdict() == Preflight.Verdict.WARNING) {
                LOG.warn("Pre-flight check: {}", report.summary());
                notifier.notify(Notification.WARNING, "Pre-flight check: " + report.summary());
            }
            long stopping = System.nanoTime();
            // stopping drains what the boards buffered before the session; starting again zeroes their clocks
            List<MessageSource> stopped = sources.stopAll();
            long sourcesStopped = System.nanoTime();
            long id;
            try {
                id = store.startSession();
            } catch (RuntimeException e) {
                sources.restart(stopped);
                notifier.notify(Notification.ERROR, "Session not started: the store failed: " + e.getMessage());
                throw new StoreUnavailableException("the store failed to start a session: " + e.getMessage(), e);
            }
            long start = store.session(id).map(SessionSummary::start).orElse(System.currentTimeMillis());
            long storeDone = System.nanoTime();
            ledger.open(id, start);
            silence.started(id, System.currentTimeMillis());
            currentSession = id;
            sources.restart(stopped);
            logDuration("Session " + id + " started (" + report.verdict() + ")", entered, stopping, sourcesStopped,
                    storeDone);
            notifier.notify(Notification.INFO, "Session " + id + " started");
            return report;
        }
    }

    /** @return the id of the stopped session, empty if none ran */
    OptionalLong stop() {
        long entered = System.nanoTime();
        synchronized (sources) {
            return currentSession == 0 ? OptionalLong.empty() : OptionalLong.of(end(true, entered));
        }
    }

    /** @return whether the session existed; a running one is stopped first */
    boolean delete(long sessionId) {
        synchronized (sources) {
            if (sessionId == currentSession) {
                end(true, System.nanoTime());
            }
            boolean existed = store.deleteSession(sessionId);
            ledger.delete(sessionId);
            if (existed) {
                notifier.notify(Notification.INFO, "Session " + sessionId + " deleted");
            }
            return existed;
        }
    }

    /** Stops the watch, closes a running session and stops every source, for good. */
    @Override
    public void close() {
        watch.shutdownNow();
        synchronized (sources) {
            if (currentSession != 0) {
                LOG.warn("Runtime stopping: closing session {}", currentSession);
                end(false, System.nanoTime());
            }
            sources.stopAll();
        }
    }

    /**
     * Drains the sources into the session, closes it, and restarts the sources for live data if asked.
     *
     * @param entered when the caller asked for the stop ({@link System#nanoTime()}), for the log
     */
    private long end(boolean restartSources, long entered) {
        long stopping = System.nanoTime();
        List<MessageSource> stopped = sources.stopAll();
        long sourcesStopped = System.nanoTime();
        long id = currentSession;
        currentSession = 0;
        silence.ended();
        long storeDone;
        try {
            store.stopSession();
        } finally {
            storeDone = System.nanoTime();
            ledger.close();
            if (restartSources) {
                sources.restart(stopped);
            }
        }
        logDuration("Session " + id + " stopped", entered, stopping, sourcesStopped, storeDone);
        notifier.notify(Notification.INFO, "Session " + id + " stopped");
        return id;
    }

    /**
     * Every second while a session runs: renews the ledger's running marker (so a restart after a
     * kill knows when the runtime was last alive) and tells clients when the store stops taking
     * writes (disk full, Redis down) and when it takes them again.
     */
    private void watchSession() {
        try {
            long session = currentSession;
            if (session == 0) {
                storeWasAvailable = true;
                return;
            }
            ledger.heartbeat();
            silence.check(System.currentTimeMillis());
            StoreHealth health = StoreSessionReader.healthOf(store);
            if (storeWasAvailable && !health.connected()) {
                LOG.error("Session {}: the store is not taking writes: {}", session, health.detail());
                notifier.notify(Notification.ERROR, String.format(Locale.ROOT,
                        "Store unavailable in session %d: %s; %d messages wait to be written, logging goes on", session,
                        health.detail(), health.bufferedMessages()));
            } else if (!storeWasAvailable && health.connected()) {
                LOG.info("Session {}: the store takes writes again", session);
                notifier.notify(Notification.INFO, "Store available again in session " + session + ": " + health.detail());
            }
            storeWasAvailable = health.connected();
        } catch (RuntimeException e) {
            LOG.error("The session watch failed", e);
        }
    }

    /**
     * Logs a session start or stop with where its time went: a START or STOP request waits for all of
     * it, so a slow one (a source slow to drain, a store slow to force its files) is named in the log.
     */
    private static void logDuration(String what, long entered, long stopping, long sourcesStopped, long storeDone) {
        long totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - entered);
        String format = "{} in {} ms: {} ms before the sources were stopped (the session lock, and at a start the"
                + " pre-flight check), {} ms stopping them, {} ms in the store";
        Object[] arguments = { what, totalMs, TimeUnit.NANOSECONDS.toMillis(stopping - entered),
                TimeUnit.NANOSECONDS.toMillis(sourcesStopped - stopping),
                TimeUnit.NANOSECONDS.toMillis(storeDone - sourcesStopped) };
        if (totalMs > SLOW_SESSION_CHANGE_MS) {
            LOG.warn(format, arguments);
        } else {
            LOG.info(format, arguments);
        }
    }
}
