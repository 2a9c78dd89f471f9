// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.logger.BoardInfo;
import blitz.logger.BoardStatistics;
import blitz.logger.GapRecord;
import blitz.logger.LiveActivity;
import blitz.logger.LiveValue;
import blitz.logger.LoggingRuntime;
import blitz.logger.Preflight;
import blitz.logger.RuntimeListener;
import blitz.logger.RuntimeStatistics;
import blitz.logger.SourceInfo;
import blitz.model.DataFolder;
import blitz.model.Notification;
import blitz.model.SessionSummary;
import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.server.ServerStore;
import blitz.model.server.StoreUnavailableException;
import blitz.model.source.CommandResult;
import blitz.model.message.BoardMessage;
import blitz.model.source.LossEvent;
import blitz.model.source.MessageSink;
import blitz.model.source.MessageSource;

/**
 * The {@link LoggingRuntime}: sink of every {@link MessageSource} service (whiteboard), writer of
 * sessions into the highest-ranked {@link ServerStore}. Wires the parts that do the work: the
 * {@link SourceRegistry}, the {@link SessionLifecycle}, the {@link LiveCache}, the
 * {@link IngestCounters}, the {@link GapLedger}, the {@link RuntimeNotifier}, the {@link LineRing} of
 * received lines and the {@link SilenceWatch}; it is the {@link LiveActivity} service too. Configuration PID
 * {@value #PID}.
 */
@Component(service = { LoggingRuntime.class, LiveActivity.class }, configurationPid = WhiteboardLoggingRuntime.PID, immediate = true)
@Designate(ocd = RuntimeConfig.class)
public class WhiteboardLoggingRuntime implements LoggingRuntime, LiveActivity, MessageSink {
    public static final String PID = "blitz.logger";
    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardLoggingRuntime.class);

    private final ServerStore store;
    private final DecoderRegistry registry;
    private final GapLedger ledger;
    private final RuntimeNotifier notifier;
    private final SourceRegistry sources = new SourceRegistry(this);
    private final LiveCache live = new LiveCache();
    private final IngestCounters counters = new IngestCounters();
    private final BoardClocks clocks = new BoardClocks();
    private final PreflightPlanner planner;
    private final SessionLifecycle sessions;
    private final LineRing lines;
    private final SilenceWatch silence;
    private final long epoch = System.currentTimeMillis();

    @Activate
    public WhiteboardLoggingRuntime(@Reference(policyOption = ReferencePolicyOption.GREEDY) ServerStore store,
            @Reference DecoderRegistry registry, RuntimeConfig config) {
        this.store = store;
        this.registry = registry;
        this.planner = new PreflightPlanner(config);
        this.ledger = new GapLedger(dataFolder(config).resolve("gaps"), config.gapsOutsideSessions());
        this.notifier = new RuntimeNotifier(config.notificationCapacity());
        for (GapRecord stopped : ledger.recoverStoppedSessions()) {
            LOG.warn("Session {} was running when the runtime stopped: {}", stopped.sessionId(), stopped.event().detail());
            notifier.notify(Notification.WARNING, "Session " + stopped.sessionId() + ": " + stopped.event().detail());
        }
        this.lines = new LineRing(config.liveLines());
        this.silence = new SilenceWatch(counters, () -> sources.boardHolders().keySet(), notifier,
                config.silenceLimitSeconds() * 1000L);
        this.sessions = new SessionLifecycle(store, sources, ledger, notifier, silence);
        LOG.info("Logging runtime ready (epoch {}): store {}, gap ledger in {}, silence limit {} s", epoch,
                store.getClass().getSimpleName(), dataFolder(config), config.silenceLimitSeconds());
    }

    @Deactivate
    void deactivate() {
        sessions.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeSource")
    void addSource(MessageSource source) {
        if (sources.attach(source)) {
            notifier.notify(Notification.INFO, "Source " + source.id() + " attached (" + source.description() + ")");
        }
    }

    void removeSource(MessageSource source) {
        if (sources.detach(source)) {
            notifier.notify(Notification.WARNING, "Source " + source.id() + " detached");
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeListener")
    void addListener(RuntimeListener listener) {
        notifier.addListener(listener);
    }

    void removeListener(RuntimeListener listener) {
        notifier.removeListener(listener);
    }

    // ---- MessageSink

    @Override
    public void onMessage(String sourceId, String line) {
        long now = System.currentTimeMillis();
        lines.add(line, now);
        DecodeResult result = registry.decode(line);
        counters.received(sourceId, result, now);
        if (result.message() != null) {
            live.update(result.message().sender(), result.message().timestamp(), now, result.values());
        }
        if (sessions.current() != 0) {
            // the line is stored whether or not it decodes: the store keeps what the board sent
            counters.queued(store.queue(line));
            if (result.message() != null) {
                recordClockEvents(sourceId, result.message(), now);
            }
        }
    }

    /** A board reset is a loss (what it buffered may be gone); a wrap only goes into the gap ledger. */
    private void recordClockEvents(String sourceId, BoardMessage message, long receivedMs) {
        clocks.observe(sessions.current(), sourceId, message.sender(), message.timestamp(), receivedMs).ifPresent(
                event -> {
                    if (event.kind() == LossEvent.Kind.CLOCK_RESET) {
                        onLoss(sourceId, event);
                    } else {
                        ledger.record(sourceId, event);
                    }
                });
    }

    @Override
    public void onLoss(String sourceId, LossEvent event) {
        counters.loss(sourceId, event);
        GapRecord record = ledger.record(sourceId, event);
        notifier.notify(Notification.WARNING, String.format(Locale.ROOT, "Loss on %s%s: %s x%d%s: %s", sourceId,
                event.boardId() >= 0 ? String.format(Locale.ROOT, " board %02x", event.boardId()) : "", event.kind(),
                event.count(), record.sessionId() != 0 ? " in session " + record.sessionId() : "", event.detail()));
    }

    // ---- sessions

    @Override
    public Preflight startSession() throws StoreUnavailableException {
        return sessions.start(this::preflight);
    }

    @Override
    public OptionalLong stopSession() {
        return sessions.stop();
    }

    @Override
    public boolean isLogging() {
        return sessions.current() != 0;
    }

    @Override
    public OptionalLong currentSession() {
        return sessions.currentSession();
    }

    @Override
    public boolean deleteSession(long sessionId) {
        return sessions.delete(sessionId);
    }

    // ---- live data, boards, statistics

    @Override
    public Map<String, LiveValue> live() {
        return live.snapshot();
    }

    @Override
    public List<BoardInfo> boards() {
        Map<Integer, String> holders = counters.boardHolders();
        holders.putAll(sources.boardHolders());
        List<BoardInfo> boards = new ArrayList<>();
        holders.forEach((id, sourceId) -> boards.add(new BoardInfo(registry.describe(id), sourceId)));
        return boards;
    }

    @Override
    public CommandResult sendBoardCommand(int boardId, String hexCommand) {
        return sources.sendBoardCommand(boardId, hexCommand);
    }

    @Override
    public List<SourceInfo> sources() {
        return sources.infos();
    }

    @Override
    public List<BoardStatistics> boardStatistics() {
        return counters.boardStatistics();
    }

    @Override
    public RuntimeStatistics statistics() {
        return counters.statistics();
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
        return planner.check(sources.attached(), counters, StoreSessionReader.healthOf(store));
    }

    @Override
    public List<Notification> notifications(long afterId) {
        return notifier.after(afterId);
    }

    // ---- live activity

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public LineBatch linesAfter(long sequence, int max) {
        return lines.after(sequence, max);
    }

    @Override
    public Silence silence() {
        return silence.silence();
    }

    private static Path dataFolder(RuntimeConfig config) {
        String folder = config.dataFolder();
        return folder.isBlank() ? DataFolder.root().resolve("logger") : DataFolder.resolve(folder);
    }
}
