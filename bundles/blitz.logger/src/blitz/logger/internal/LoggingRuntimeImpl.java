package blitz.logger.internal;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import blitz.logger.BoardInfo;
import blitz.logger.BoardStatistics;
import blitz.logger.GapRecord;
import blitz.logger.LiveValue;
import blitz.logger.LoggingRuntime;
import blitz.logger.Preflight;
import blitz.logger.RuntimeListener;
import blitz.logger.RuntimeStatistics;
import blitz.logger.SourceInfo;
import blitz.logger.StoreUnavailableException;
import blitz.model.DataFolder;
import blitz.model.Notification;
import blitz.model.SessionSummary;
import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.server.ServerStore;
import blitz.model.server.StoreHealth;
import blitz.model.source.CommandResult;
import blitz.model.source.LossEvent;
import blitz.model.source.MessageSink;
import blitz.model.source.MessageSource;

/**
 * The {@link LoggingRuntime}: sink of every {@link MessageSource} service (whiteboard), writer of
 * sessions into the highest-ranked {@link ServerStore}. Configuration PID {@value #PID}.
 */
@Component(service = LoggingRuntime.class, configurationPid = LoggingRuntimeImpl.PID, immediate = true)
public class LoggingRuntimeImpl implements LoggingRuntime, MessageSink {
    public static final String PID = "blitz.logger";
    private static final System.Logger LOG = System.getLogger(LoggingRuntimeImpl.class.getName());
    private static final long WATCH_PERIOD_MS = 1_000;
    /** A session start or stop slower than this is logged as a warning (clients wait for it). */
    private static final long SLOW_SESSION_CHANGE_MS = 2_000;

    /** Configuration (PID {@value LoggingRuntimeImpl#PID}) (no metatype yet). */
    public @interface Config {
        /** Folder of the gap ledger; empty for {@code ${blitz.data}/logger}, or {@code ${user.home}/.blitz/logger}. */
        String dataFolder() default "";

        /** Baud rate of serial sources, for the pre-flight check. */
        int baudRate() default 57600;

        /** Per-source baud rates, {@code "sourceId=baud, ..."}; 0 marks a source that is not a serial line. */
        String sourceBaudRates() default "";

        /** Period of the sources' TRANSMIT polling, for the pre-flight check. */
        int pollingPeriodMs() default 1000;

        /** Messages a board buffers between polls (the firmware example's 180). */
        int boardBufferMessages() default 180;

        /** Characters of one message on the wire, terminator included. */
        int lineLength() default 30;

        /** Planned messages per second of a board not listed in {@link #boardRates()}. */
        double defaultBoardRate() default 1.0;

        /** Planned rates, {@code "<hex board id>=<messages per second>, ..."}, e.g. {@code "08=10, 0a=2"}. */
        String boardRates() default "";

        /** Notifications kept for {@link LoggingRuntime#notifications(long)}. */
        int notificationCapacity() default 1000;

        /** Losses kept in memory when they happen outside sessions. */
        int gapsOutsideSessions() default 1000;
    }

    private final ServerStore store;
    private final DecoderRegistry registry;
    private final Config config;
    private final Map<String, Double> sourceBauds;
    private final Map<Integer, Double> boardRates;
    private final GapLedger ledger;
    private final NotificationRing notifications;
    private final Object sessionLock = new Object();
    private final Map<String, MessageSource> sources = new ConcurrentHashMap<>();
    private final List<RuntimeListener> listeners = new CopyOnWriteArrayList<>();
    private final LiveCache live = new LiveCache();
    private final Map<Integer, BoardCounter> boardCounters = new ConcurrentHashMap<>();
    private final LongAdder received = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder undecodable = new LongAdder();
    private final LongAdder unknownBoard = new LongAdder();
    private final LongAdder lossEvents = new LongAdder();
    /** The running session's id, 0 when none runs; written under {@link #sessionLock}. */
    private volatile long currentSession;
    private final ScheduledExecutorService watch;
    /** What the watch saw last; only its thread uses it. */
    private boolean storeWasAvailable = true;

    @Activate
    public LoggingRuntimeImpl(@Reference(policyOption = ReferencePolicyOption.GREEDY) ServerStore store,
            @Reference DecoderRegistry registry, Config config) {
        this.store = store;
        this.registry = registry;
        this.config = config;
        this.sourceBauds = parseOrEmpty(config.sourceBaudRates(), "sourceBaudRates");
        this.boardRates = boardRates(config.boardRates());
        this.ledger = new GapLedger(dataFolder(config).resolve("gaps"), config.gapsOutsideSessions());
        this.notifications = new NotificationRing(config.notificationCapacity());
        for (GapRecord stopped : ledger.recoverStoppedSessions()) {
            LOG.log(Level.WARNING, "Session {0} was running when the runtime stopped: {1}", stopped.sessionId(),
                    stopped.event().detail());
            notify(Notification.WARNING, "Session " + stopped.sessionId() + ": " + stopped.event().detail());
        }
        this.watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "blitz-logger-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(this::watchSession, WATCH_PERIOD_MS, WATCH_PERIOD_MS, TimeUnit.MILLISECONDS);
        LOG.log(Level.INFO, "Logging runtime ready: store {0}, gap ledger in {1}", store.getClass().getSimpleName(),
                dataFolder(config));
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
            StoreHealth health = storeHealth();
            if (storeWasAvailable && !health.connected()) {
                LOG.log(Level.ERROR, "Session {0}: the store is not taking writes: {1}", session, health.detail());
                notify(Notification.ERROR, String.format(Locale.ROOT,
                        "Store unavailable in session %d: %s; %d messages wait to be written, logging goes on", session,
                        health.detail(), health.bufferedMessages()));
            } else if (!storeWasAvailable && health.connected()) {
                LOG.log(Level.INFO, "Session {0}: the store takes writes again", session);
                notify(Notification.INFO, "Store available again in session " + session + ": " + health.detail());
            }
            storeWasAvailable = health.connected();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "The session watch failed", e);
        }
    }

    @Deactivate
    void deactivate() {
        watch.shutdownNow();
        synchronized (sessionLock) {
            if (currentSession != 0) {
                LOG.log(Level.WARNING, "Runtime stopping: closing session {0}", currentSession);
                endSession(false, System.nanoTime());
            }
            stopAll(List.copyOf(sources.values()));
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeSource")
    void addSource(MessageSource source) {
        String id = source.id();
        synchronized (sessionLock) {
            if (sources.putIfAbsent(id, source) != null) {
                LOG.log(Level.ERROR, "Ignoring a second message source with id {0} ({1})", id, source.description());
                return;
            }
            source.start(this);
        }
        notify(Notification.INFO, "Source " + id + " attached (" + source.description() + ")");
    }

    void removeSource(MessageSource source) {
        synchronized (sessionLock) {
            if (!sources.remove(source.id(), source)) {
                return;
            }
            stopQuietly(source);
        }
        notify(Notification.WARNING, "Source " + source.id() + " detached");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeListener")
    void addListener(RuntimeListener listener) {
        listeners.add(listener);
    }

    void removeListener(RuntimeListener listener) {
        listeners.remove(listener);
    }

    // ---- MessageSink

    @Override
    public void onMessage(String sourceId, String line) {
        received.increment();
        long now = System.currentTimeMillis();
        DecodeResult result = registry.decode(line);
        if (result.message() != null) {
            int boardId = result.message().sender();
            BoardCounter counter = boardCounters.get(boardId);
            if (counter == null) {
                // only the first message of a board pays for the capturing lambda
                counter = boardCounters.computeIfAbsent(boardId, id -> new BoardCounter(id, sourceId));
            }
            counter.message(sourceId, now);
            live.update(boardId, result.message().timestamp(), now, result.values());
        }
        switch (result.status()) {
            case MALFORMED, REJECTED -> undecodable.increment();
            case UNKNOWN_BOARD -> unknownBoard.increment();
            case DECODED -> { }
        }
        if (currentSession != 0) {
            // the line is stored whether or not it decodes: the store keeps what the board sent
            if (store.queue(line)) {
                stored.increment();
            } else {
                refused.increment();
            }
        }
    }

    @Override
    public void onLoss(String sourceId, LossEvent event) {
        lossEvents.increment();
        GapRecord record = ledger.record(sourceId, event);
        if (event.boardId() >= 0 && event.boardId() <= 0xFF) {
            boardCounters.computeIfAbsent(event.boardId(), id -> new BoardCounter(id, sourceId)).lost(event.count());
        }
        notify(Notification.WARNING, String.format(Locale.ROOT, "Loss on %s%s: %s x%d%s: %s", sourceId,
                event.boardId() >= 0 ? String.format(Locale.ROOT, " board %02x", event.boardId()) : "", event.kind(),
                event.count(), record.sessionId() != 0 ? " in session " + record.sessionId() : "", event.detail()));
    }

    // ---- sessions

    @Override
    public Preflight startSession() {
        long entered = System.nanoTime();
        synchronized (sessionLock) {
            if (currentSession != 0) {
                throw new IllegalStateException("session " + currentSession + " is running already");
            }
            Preflight preflight = preflight();
            if (preflight.verdict() == Preflight.Verdict.UNAVAILABLE) {
                notify(Notification.ERROR, "Session not started: " + preflight.summary());
                LOG.log(Level.ERROR, "Session not started: {0}", preflight.summary());
                throw new StoreUnavailableException(preflight.summary());
            }
            if (preflight.verdict() == Preflight.Verdict.WARNING) {
                LOG.log(Level.WARNING, "Pre-flight check: {0}", preflight.summary());
                notify(Notification.WARNING, "Pre-flight check: " + preflight.summary());
            }
            List<MessageSource> attached = List.copyOf(sources.values());
            long stopping = System.nanoTime();
            // stopping drains what the boards buffered before the session; starting again zeroes their clocks
            stopAll(attached);
            long sourcesStopped = System.nanoTime();
            long id;
            try {
                id = store.startSession();
            } catch (RuntimeException e) {
                attached.forEach(this::startQuietly);
                notify(Notification.ERROR, "Session not started: the store failed: " + e.getMessage());
                throw new StoreUnavailableException("the store failed to start a session: " + e.getMessage());
            }
            long start = store.session(id).map(SessionSummary::start).orElse(System.currentTimeMillis());
            long storeDone = System.nanoTime();
            ledger.open(id, start);
            currentSession = id;
            attached.forEach(this::startQuietly);
            logDuration("Session " + id + " started (" + preflight.verdict() + ")", entered, stopping, sourcesStopped, storeDone);
            notify(Notification.INFO, "Session " + id + " started");
            return preflight;
        }
    }

    @Override
    public OptionalLong stopSession() {
        long entered = System.nanoTime();
        synchronized (sessionLock) {
            if (currentSession == 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(endSession(true, entered));
        }
    }

    /**
     * Drains the sources into the session, closes it, and restarts the sources for live data if asked.
     *
     * @param entered when the caller asked for the stop ({@link System#nanoTime()}), for the log
     */
    private long endSession(boolean restartSources, long entered) {
        long stopping = System.nanoTime();
        List<MessageSource> attached = List.copyOf(sources.values());
        stopAll(attached);
        long sourcesStopped = System.nanoTime();
        long id = currentSession;
        currentSession = 0;
        long storeDone;
        try {
            store.stopSession();
        } finally {
            storeDone = System.nanoTime();
            ledger.close();
            if (restartSources) {
                attached.forEach(this::startQuietly);
            }
        }
        logDuration("Session " + id + " stopped", entered, stopping, sourcesStopped, storeDone);
        notify(Notification.INFO, "Session " + id + " stopped");
        return id;
    }

    @Override
    public boolean isLogging() {
        return currentSession != 0;
    }

    @Override
    public OptionalLong currentSession() {
        long id = currentSession;
        return id == 0 ? OptionalLong.empty() : OptionalLong.of(id);
    }

    @Override
    public ServerStore store() {
        return store;
    }

    @Override
    public boolean deleteSession(long sessionId) {
        synchronized (sessionLock) {
            if (sessionId == currentSession) {
                endSession(true, System.nanoTime());
            }
            boolean existed = store.deleteSession(sessionId);
            ledger.delete(sessionId);
            if (existed) {
                notify(Notification.INFO, "Session " + sessionId + " deleted");
            }
            return existed;
        }
    }

    // ---- live data, boards, statistics

    @Override
    public Map<String, LiveValue> live() {
        return live.snapshot();
    }

    @Override
    public List<BoardInfo> boards() {
        Map<Integer, String> holders = new TreeMap<>();
        boardCounters.forEach((id, counter) -> holders.put(id, counter.sourceId()));
        for (MessageSource source : sources.values()) {
            for (int id : boardIdsOf(source)) {
                holders.put(id, source.id());
            }
        }
        List<BoardInfo> boards = new ArrayList<>();
        holders.forEach((id, sourceId) -> boards.add(new BoardInfo(registry.describe(id), sourceId)));
        return boards;
    }

    @Override
    public CommandResult sendBoardCommand(int boardId, String hexCommand) {
        for (MessageSource source : sources.values()) {
            if (boardIdsOf(source).contains(boardId)) {
                try {
                    return source.sendCommand(boardId, hexCommand);
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "Source " + source.id() + " failed to send a command to board " + boardId, e);
                    return CommandResult.failed("source " + source.id() + " failed: " + e);
                }
            }
        }
        return CommandResult.failed(String.format(Locale.ROOT, "no source holds board %02x", boardId));
    }

    @Override
    public List<SourceInfo> sources() {
        List<SourceInfo> infos = new ArrayList<>();
        for (MessageSource source : new TreeMap<>(sources).values()) {
            try {
                infos.add(new SourceInfo(source.id(), source.description(), source.state(), source.boardIds(),
                        source.statistics()));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Source " + source.id() + " failed to report its state", e);
            }
        }
        return infos;
    }

    @Override
    public List<BoardStatistics> boardStatistics() {
        return new TreeMap<>(boardCounters).values().stream().map(BoardCounter::snapshot).toList();
    }

    @Override
    public RuntimeStatistics statistics() {
        return new RuntimeStatistics(received.sum(), stored.sum(), refused.sum(), undecodable.sum(), unknownBoard.sum(),
                lossEvents.sum());
    }

    @Override
    public List<GapRecord> gaps(long sessionId) {
        Optional<SessionSummary> summary = store.session(sessionId);
        return ledger.read(sessionId, summary.map(SessionSummary::start).orElse(-1L));
    }

    @Override
    public List<GapRecord> gapsOutsideSessions() {
        return ledger.outside();
    }

    @Override
    public Preflight preflight() {
        long now = System.currentTimeMillis();
        List<PreflightCheck.SourcePlan> plans = new ArrayList<>();
        for (MessageSource source : new TreeMap<>(sources).values()) {
            Set<Integer> boardIds = new LinkedHashSet<>(boardIdsOf(source));
            boardCounters.forEach((id, counter) -> {
                if (source.id().equals(counter.sourceId())) {
                    boardIds.add(id);
                }
            });
            List<PreflightCheck.BoardPlan> boards = new ArrayList<>();
            for (int id : new TreeSet<>(boardIds)) {
                BoardCounter counter = boardCounters.get(id);
                double planned = boardRates.getOrDefault(id, config.defaultBoardRate());
                boards.add(new PreflightCheck.BoardPlan(id, Math.max(planned, counter == null ? 0 : counter.measuredRate(now))));
            }
            int baud = sourceBauds.getOrDefault(source.id().toLowerCase(Locale.ROOT), (double) config.baudRate()).intValue();
            plans.add(new PreflightCheck.SourcePlan(source.id(), baud, boards));
        }
        return PreflightCheck.check(plans, new PreflightCheck.Settings(config.lineLength(), config.pollingPeriodMs(),
                config.boardBufferMessages()), storeHealth());
    }

    @Override
    public List<Notification> notifications(long afterId) {
        return notifications.after(afterId);
    }

    // ---- helpers

    private StoreHealth storeHealth() {
        try {
            return store.health();
        } catch (RuntimeException e) {
            return new StoreHealth(false, 0, 0, "health check failed: " + e);
        }
    }

    private static Set<Integer> boardIdsOf(MessageSource source) {
        try {
            return source.boardIds();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Source " + source.id() + " failed to list its boards", e);
            return Set.of();
        }
    }

    /**
     * Logs a session start or stop with where its time went: a START or STOP request waits for all of
     * it, so a slow one (a source slow to drain, a store slow to force its files) is named in the log.
     */
    private static void logDuration(String what, long entered, long stopping, long sourcesStopped, long storeDone) {
        long totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - entered);
        LOG.log(totalMs > SLOW_SESSION_CHANGE_MS ? Level.WARNING : Level.INFO,
                "{0} in {1} ms: {2} ms before the sources were stopped (the session lock, and at a start the"
                        + " pre-flight check), {3} ms stopping them, {4} ms in the store",
                what, totalMs, TimeUnit.NANOSECONDS.toMillis(stopping - entered),
                TimeUnit.NANOSECONDS.toMillis(sourcesStopped - stopping),
                TimeUnit.NANOSECONDS.toMillis(storeDone - sourcesStopped));
    }

    /**
     * Stops the sources side by side, each on a thread of its own: each drains its own boards, so a
     * START or STOP waits for the slowest source, not for the sum of them. Returns when all stopped.
     */
    private void stopAll(List<MessageSource> attached) {
        if (attached.size() < 2) {
            attached.forEach(this::stopQuietly);
            return;
        }
        List<Thread> stopping = new ArrayList<>(attached.size());
        for (MessageSource source : attached) {
            Thread thread = new Thread(() -> stopQuietly(source), "blitz-logger-stop " + source.id());
            thread.setDaemon(true);
            thread.start();
            stopping.add(thread);
        }
        boolean interrupted = false;
        for (Thread thread : stopping) {
            while (thread.isAlive()) {
                try {
                    thread.join(); // every source's stop is bounded by its contract
                } catch (InterruptedException e) {
                    interrupted = true; // the session must not change before every source stopped
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopQuietly(MessageSource source) {
        try {
            source.stop();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Source " + source.id() + " failed to stop", e);
        }
    }

    private void startQuietly(MessageSource source) {
        if (sources.get(source.id()) != source) {
            return; // left while the session changed
        }
        try {
            source.start(this);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Source " + source.id() + " failed to start", e);
        }
    }

    private void notify(int severity, String description) {
        Notification notification = notifications.add(System.currentTimeMillis(), severity, description);
        for (RuntimeListener listener : listeners) {
            try {
                listener.notified(notification);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Runtime listener " + listener.getClass().getName() + " failed", e);
            }
        }
    }

    private static Path dataFolder(Config config) {
        String folder = config.dataFolder();
        return folder.isBlank() ? DataFolder.root().resolve("logger") : DataFolder.resolve(folder);
    }

    private static Map<String, Double> parseOrEmpty(String text, String what) {
        try {
            return KeyValueList.parse(text, what);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "Ignoring the configuration {0}: {1}", what, e.getMessage());
            return Map.of();
        }
    }

    private static Map<Integer, Double> boardRates(String text) {
        Map<Integer, Double> rates = new HashMap<>();
        parseOrEmpty(text, "boardRates").forEach((key, rate) -> {
            try {
                rates.put(Integer.parseInt(key, 16), rate);
            } catch (NumberFormatException e) {
                LOG.log(Level.ERROR, "Ignoring boardRates entry {0}: not a hex board id", key);
            }
        });
        return rates;
    }
}
