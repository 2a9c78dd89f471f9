// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.Notification;
import blitz.model.Session;
import blitz.model.SessionSummary;
import blitz.model.client.CategoryCatalog;
import blitz.model.client.DownloadStore;
import blitz.model.client.NotificationLog;
import blitz.model.client.SeriesQueries;
import blitz.model.client.SessionCatalog;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.LoggerConnection;
import blitz.model.connection.SessionDigest;
import blitz.model.connection.SessionTransfer;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.sync.DownloadReport;
import blitz.model.sync.DownloadReport.State;
import blitz.model.sync.Progress;
import blitz.model.sync.SessionSync;
import blitz.protocol.wire.SessionDigests;

/**
 * {@link SessionSync} over the logger protocol into the client store. Each downloaded chunk is
 * committed whole (raw lines and readings together), numbered by its position in the session, so an
 * interrupted download resumes exactly where the last commit ended, even against the original logger,
 * which cannot resume: then the session is fetched again from the start and the stored part skipped.
 */
// the DS name from before the class was renamed: tests and configurations refer to it
@Component(name = "blitz.client.internal.SessionSyncService", service = SessionSync.class)
public class ProtocolSessionSync implements SessionSync {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolSessionSync.class);
    private static final int READ_CHUNK = 10_000;

    private final LoggerConnection connection;
    private final SessionTransfer transfer;
    private final SessionCatalog sessions;
    private final DownloadStore downloads;
    private final CategoryCatalog categories;
    private final SeriesQueries series;
    private final NotificationLog notifications;
    private final DecoderRegistry registry;

    @Activate
    public ProtocolSessionSync(@Reference LoggerConnection connection, @Reference SessionTransfer transfer,
            @Reference SessionCatalog sessions, @Reference DownloadStore downloads, @Reference CategoryCatalog categories,
            @Reference SeriesQueries series, @Reference NotificationLog notifications,
            @Reference DecoderRegistry registry) {
        this.connection = connection;
        this.transfer = transfer;
        this.sessions = sessions;
        this.downloads = downloads;
        this.categories = categories;
        this.series = series;
        this.notifications = notifications;
        this.registry = registry;
    }

    @Override
    public List<Session> refreshSessionList() {
        Optional<List<SessionSummary>> listed = transfer.sessions();
        if (listed.isPresent()) {
            sessions.updateSessionList(listed.get());
        } else {
            notify("Could not fetch the session list from the runtime; showing the last one known",
                    Notification.WARNING);
        }
        return sessions.sessions();
    }

    @Override
    public DownloadReport download(long sessionId, Progress progress) {
        if (connection.status() != ConnectionStatus.CONNECTED) {
            return failed(sessionId, 0, "not connected to a runtime");
        }
        long total = sessions.getSession(sessionId).map(Session::numberOfReadings).orElse(-1L);
        long stored = downloads.rawMessageCount(sessionId);
        progress.begin("Downloading session " + sessionId, total);
        progress.worked(stored);
        boolean resume = connection.capabilities().contains(LoggerConnection.RESUME);
        ChunkDecoder decoder = new ChunkDecoder(registry, categories);
        DownloadPipeline.Outcome outcome = new DownloadPipeline(transfer, downloads, decoder)
                .run(sessionId, resume ? stored : 0, stored, progress);
        if (outcome.failure().isPresent()) {
            DownloadReport report = report(sessionId, outcome.stored(), decoder, State.FAILED, outcome.failure().get()
                    + "; " + outcome.stored() + " messages are stored and the next download continues from there");
            notify("Download of session " + sessionId + " failed: " + report.detail(), Notification.ERROR);
            return report;
        }
        if (progress.isCancelled()) {
            return report(sessionId, outcome.stored(), decoder, State.CANCELLED, "cancelled; " + outcome.stored()
                    + " messages are stored and the next download continues from there");
        }
        DownloadReport report = verify(sessionId, outcome.stored(), decoder);
        mirrorGapLedger(sessionId);
        return report;
    }

    private DownloadReport verify(long sessionId, long messages, ChunkDecoder decoder) {
        Optional<SessionDigest> remote = transfer.digest(sessionId);
        if (remote.isEmpty()) {
            return verifyByCount(sessionId, messages, decoder);
        }
        SessionDigests.Digester digester = SessionDigests.digester();
        downloads.readRawMessages(sessionId, 0, READ_CHUNK, digester::add);
        SessionDigest local = digester.receipt(sessionId);
        if (local.count() == remote.get().count() && local.sha256().equals(remote.get().sha256())) {
            sessions.markSessionVerified(sessionId, local.count());
            return report(sessionId, messages, decoder, State.VERIFIED,
                    local.count() + " messages, SHA-256 " + local.sha256().substring(0, 12) + "… matches the runtime");
        }
        String detail = "the runtime holds " + remote.get().count() + " messages, this workbench stored "
                + local.count() + (local.count() == remote.get().count() ? " with a different digest" : "")
                + "; the session is not marked available";
        notify("Session " + sessionId + " did not verify: " + detail, Notification.ERROR);
        return report(sessionId, messages, decoder, State.FAILED, detail);
    }

    /** The original logger has no digest: its session list's count is compared with what is stored. */
    private DownloadReport verifyByCount(long sessionId, long messages, ChunkDecoder decoder) {
        Optional<Long> listed = transfer.sessions().flatMap(list -> list.stream()
                .filter(summary -> summary.id() == sessionId).map(SessionSummary::count).findFirst());
        if (listed.isEmpty()) {
            sessions.updateSessionAvailability(sessionId);
            return report(sessionId, messages, decoder, State.COMPLETE_UNVERIFIED,
                    "the runtime offers no digest and does not list the session, so the download could not be verified");
        }
        long local = downloads.rawMessageCount(sessionId);
        if (local == listed.get()) {
            sessions.updateSessionAvailability(sessionId);
            return report(sessionId, messages, decoder, State.VERIFIED_BY_COUNT, local
                    + " messages, as many as the runtime lists (it offers no digest to compare their contents)");
        }
        String detail = "the runtime lists " + listed.get() + " messages, this workbench stored " + local
                + "; the session is not marked available";
        notify("Session " + sessionId + " did not verify by count: " + detail, Notification.ERROR);
        return report(sessionId, messages, decoder, State.FAILED, detail);
    }

    /** Copies the runtime's gap ledger of the session into the notifications, when it has one. */
    private void mirrorGapLedger(long sessionId) {
        connection.query("GAPS " + sessionId).ifPresent(lines -> lines.stream()
                .filter(line -> !line.isBlank() && !line.startsWith("GAPS "))
                .forEach(line -> notify("Session " + sessionId + " gap: " + line, Notification.WARNING)));
    }

    @Override
    public DownloadReport redecode(long sessionId, Progress progress) {
        long total = downloads.rawMessageCount(sessionId);
        if (total == 0) {
            return failed(sessionId, 0, "session " + sessionId + " has no stored raw messages to decode");
        }
        progress.begin("Decoding session " + sessionId + " again", total);
        downloads.clearSessionReadings(sessionId);
        ChunkDecoder decoder = new ChunkDecoder(registry, categories);
        long[] done = { 0 };
        try {
            downloads.readRawMessages(sessionId, 0, READ_CHUNK, chunk -> {
                if (progress.isCancelled()) {
                    throw new CancellationException();
                }
                downloads.addReadings(sessionId, decoder.decode(chunk));
                done[0] += chunk.size();
                progress.worked(done[0]);
            });
        } catch (CancellationException e) {
            sessions.updateSessionAvailability(sessionId);
            return report(sessionId, total, decoder, State.CANCELLED,
                    "cancelled; the session's readings are incomplete until it is decoded again");
        }
        sessions.updateSessionAvailability(sessionId);
        return report(sessionId, total, decoder, State.COMPLETE_UNVERIFIED,
                "decoded again with the current decoders and calibration");
    }

    @Override
    public boolean deleteSession(long sessionId) {
        LoggerConnection.Reply reply = transfer.delete(sessionId);
        if (!reply.ok()) {
            notify("The runtime did not delete session " + sessionId + " (" + reply.text() + "); the local copy is kept",
                    Notification.WARNING);
            return false;
        }
        sessions.deleteSession(sessionId);
        return true;
    }

    @Override
    public long exportCsv(long sessionId, Path file, Progress progress) throws IOException {
        return new CsvSessionExport(sessions, categories, series).export(sessionId, file, progress,
                connection.status() == ConnectionStatus.CONNECTED ? this::download : null);
    }

    private DownloadReport failed(long sessionId, long messages, String detail) {
        notify("Session " + sessionId + ": " + detail, Notification.ERROR);
        return new DownloadReport(sessionId, messages, 0, 0, 0, 0, State.FAILED, detail);
    }

    private static DownloadReport report(long sessionId, long messages, ChunkDecoder decoder, State state,
            String detail) {
        return new DownloadReport(sessionId, messages, decoder.readings(), decoder.badLines(), decoder.unknownBoards(),
                decoder.rejected(), state, detail);
    }

    private void notify(String description, int severity) {
        LOG.warn(description);
        try {
            notifications.logError(description, severity);
        } catch (RuntimeException e) {
            LOG.warn("could not store the notification: {}", e.toString());
        }
    }
}
