// SPDX-License-Identifier: EPL-2.0
package blitz.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.SessionSummary;
import blitz.model.server.ServerStore;
import blitz.model.server.StoreHealth;
import blitz.server.support.internal.BatchingWriter;
import blitz.server.support.internal.LatestTracker;
import blitz.server.support.internal.MessageRules;
import blitz.server.support.internal.SpoolFile;

/**
 * The whole {@link ServerStore} contract on top of a {@link SessionBackend}: session state, message
 * validation, the {@link BatchingWriter}, the "latest only once" rule and chunked reads. The Redis
 * and embedded implementations extend this class and supply only their backend.
 *
 * <p>Reads call {@link BatchingWriter#syncUnlessUnavailable()} first, so a caller reads what it
 * queued before (read-your-writes) whenever the backend is available.
 */
public class BatchingServerStore implements ServerStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchingServerStore.class);
    private static final int READ_CHUNK = 10_000;

    private final SessionBackend backend;
    private final BatchingWriter writer;
    private final LatestTracker latest = new LatestTracker();
    private final Object sessionLock = new Object();
    private final AtomicLong refusedNoSession = new AtomicLong();
    private final AtomicLong refusedInvalid = new AtomicLong();
    private final AtomicLong refusedOverflow = new AtomicLong();

    /**
     * @param spoolFolder where writes are spooled during an outage once the memory buffer is full
     *                    (writes an earlier run left there are replayed first), {@code null} for no spool
     */
    protected BatchingServerStore(SessionBackend backend, WriterSettings settings, Path spoolFolder) {
        this.backend = backend;
        this.writer = new BatchingWriter(backend, settings, spoolFolder == null ? null : spool(spoolFolder),
                "blitz-store-writer " + backend.describe());
    }

    private static SpoolFile spool(Path folder) {
        try {
            return new SpoolFile(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outage spool in " + folder, e);
        }
    }

    @Override
    public long startSession() {
        synchronized (sessionLock) {
            endRunningSession();
            long id = backend.nextSessionId();
            backend.recordStart(id, System.currentTimeMillis());
            writer.begin(id);
            return id;
        }
    }

    @Override
    public void stopSession() {
        synchronized (sessionLock) {
            endRunningSession();
        }
    }

    private void endRunningSession() {
        if (writer.end(System.currentTimeMillis()) >= 0) {
            writer.syncUnlessUnavailable();
        }
    }

    @Override
    public OptionalLong currentSession() {
        return writer.currentSession();
    }

    @Override
    public boolean queue(String message) {
        if (!MessageRules.acceptable(message)) {
            refuse(refusedInvalid, MessageRules.refusal(message));
            return false;
        }
        BatchingWriter.Acceptance result = writer.append(message);
        if (result != BatchingWriter.Acceptance.ACCEPTED) {
            refused(result);
        }
        return result == BatchingWriter.Acceptance.ACCEPTED;
    }

    @Override
    public int queueAll(List<String> messages) {
        List<String> valid = new ArrayList<>(messages.size());
        for (String message : messages) {
            if (MessageRules.acceptable(message)) {
                valid.add(message);
            } else {
                refuse(refusedInvalid, MessageRules.refusal(message));
            }
        }
        return writer.appendAll(valid, this::refused);
    }

    private void refused(BatchingWriter.Acceptance result) {
        switch (result) {
        case NO_SESSION -> refuse(refusedNoSession, "no session is running: message not stored");
        case OVERFLOW -> refuse(refusedOverflow, "store unavailable and its buffer is full: message not stored");
        default -> refuse(refusedOverflow, "store is closed: message not stored");
        }
    }

    /** Logs the first refusal of a kind and then every 10 000th, so a flood cannot fill the log. */
    private static void refuse(AtomicLong counter, String reason) {
        long count = counter.incrementAndGet();
        if (count == 1 || count % 10_000 == 0) {
            LOG.warn("{} ({} refused for this reason so far)", reason, count);
        }
    }

    @Override
    public void sync() {
        writer.sync();
    }

    @Override
    public Optional<String> latestFromSession(long sessionId) {
        writer.syncUnlessUnavailable();
        return latest.latest(sessionId, backend);
    }

    @Override
    public List<String> lastTen() {
        OptionalLong current = writer.currentSession();
        if (current.isEmpty()) {
            return List.of();
        }
        writer.syncUnlessUnavailable();
        return backend.newest(current.getAsLong(), 10);
    }

    @Override
    public List<String> allFromSession(long sessionId) {
        List<String> all = new ArrayList<>();
        readSession(sessionId, 0, READ_CHUNK, all::addAll);
        return all;
    }

    @Override
    public long readSession(long sessionId, long fromIndex, int chunkSize, Consumer<List<String>> chunkConsumer) {
        requireRange(fromIndex, chunkSize);
        writer.syncUnlessUnavailable();
        // a running session keeps growing: read what is stored now, so the call ends
        long end = backend.count(sessionId);
        long position = fromIndex;
        while (position < end) {
            List<String> chunk = backend.read(sessionId, position, (int) Math.min(chunkSize, end - position));
            if (chunk.isEmpty()) {
                break;
            }
            chunkConsumer.accept(chunk);
            position += chunk.size();
        }
        return Math.max(0, position - fromIndex);
    }

    @Override
    public List<String> readPage(long sessionId, long fromIndex, int max) {
        requireRange(fromIndex, max);
        writer.syncUnlessUnavailable();
        return backend.read(sessionId, fromIndex, max);
    }

    private static void requireRange(long fromIndex, int max) {
        if (fromIndex < 0 || max < 1) {
            throw new IllegalArgumentException("fromIndex must be >= 0 and chunkSize >= 1, got " + fromIndex + ", " + max);
        }
    }

    @Override
    public long messageCount(long sessionId) {
        writer.syncUnlessUnavailable();
        return backend.count(sessionId);
    }

    @Override
    public List<Long> availableSessions() {
        return backend.sessionIds();
    }

    @Override
    public List<SessionSummary> clientSessionList() {
        writer.syncUnlessUnavailable();
        List<SessionSummary> list = new ArrayList<>();
        for (long id : backend.sessionIds()) {
            backend.summary(id).ifPresent(list::add);
        }
        return list;
    }

    @Override
    public Optional<SessionSummary> session(long sessionId) {
        writer.syncUnlessUnavailable();
        return backend.summary(sessionId);
    }

    @Override
    public boolean deleteSession(long sessionId) {
        synchronized (sessionLock) {
            if (writer.currentSession().equals(OptionalLong.of(sessionId))) {
                endRunningSession();
            }
            // writes still pending for the session would bring its keys back after the delete
            writer.syncUnlessUnavailable();
            latest.forget(sessionId);
            return backend.delete(sessionId);
        }
    }

    @Override
    public void flush(String confirmation) {
        if (!FLUSH_CONFIRMATION.equals(confirmation)) {
            throw new IllegalArgumentException("flush destroys every session: pass ServerStore.FLUSH_CONFIRMATION to confirm");
        }
        synchronized (sessionLock) {
            endRunningSession();
            writer.syncUnlessUnavailable();
            latest.forgetAll();
            backend.deleteAll();
            LOG.warn("Store {} flushed: every session and the id counter were destroyed", backend.describe());
        }
    }

    @Override
    public StoreHealth health() {
        BatchingWriter.State state = writer.state();
        boolean connected = !state.outage() && backend.reachable();
        String detail;
        if (connected) {
            detail = backend.describe() + ": ok";
        } else {
            detail = backend.describe() + ": unavailable"
                    + (state.lastError().isEmpty() ? "" : " (" + state.lastError() + ")");
        }
        long refused = refusedOverflow.get();
        if (refused > 0) {
            detail += "; " + refused + " messages refused because the buffer was full";
        }
        return new StoreHealth(connected, state.buffered(), state.spooled(), detail);
    }

    /** Writes (or spools) what is pending, then closes the writer and the backend. */
    @Override
    public void close() {
        writer.close();
        backend.close();
    }

    /**
     * Closes the store when its DS component is deactivated: a provider's component declares no
     * deactivate method, so SCR calls this one, found by its default name in the superclass.
     */
    protected void deactivate() {
        close();
    }
}
