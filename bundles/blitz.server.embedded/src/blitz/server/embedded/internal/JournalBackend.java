// SPDX-License-Identifier: EPL-2.0
package blitz.server.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.SessionSummary;
import blitz.server.support.SessionBackend;

/**
 * The embedded backend: a folder with {@code sessions.meta} ({@link StoreMetadata}) and one
 * {@link SessionJournal} per session. A {@code store.lock} file lock keeps a second process (or a
 * second store in this one) from writing the same folder.
 */
final class JournalBackend implements SessionBackend {
    private static final Logger LOG = LoggerFactory.getLogger(JournalBackend.class);

    /** When appended data is forced to disk. */
    enum FsyncPolicy {
        /** Every write cycle: a message counts as stored only once it is on disk. */
        BATCH,
        /** Every interval, by a timer: faster; a power cut may lose the last interval. */
        INTERVAL
    }

    private final Path folder;
    private final FsyncPolicy policy;
    private final StoreMetadata metadata;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ConcurrentHashMap<Long, SessionJournal> journals = new ConcurrentHashMap<>();
    private final Set<SessionJournal> unforced = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService forceTimer;

    JournalBackend(Path folder, FsyncPolicy policy, long intervalMs) throws IOException {
        this.folder = folder;
        this.policy = policy;
        Files.createDirectories(folder);
        lockChannel = FileChannel.open(folder.resolve("store.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.tryLock();
        if (lock == null) {
            lockChannel.close();
            throw new IOException("the session store folder " + folder + " is in use by another store");
        }
        metadata = new StoreMetadata(folder);
        if (policy == FsyncPolicy.INTERVAL) {
            forceTimer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "blitz-journal-fsync " + folder);
                thread.setDaemon(true);
                return thread;
            });
            forceTimer.scheduleWithFixedDelay(this::forceOnTimer, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        } else {
            forceTimer = null;
        }
    }

    @Override
    public long nextSessionId() {
        try {
            return metadata.nextId();
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void recordStart(long sessionId, long startMs) {
        try {
            metadata.started(sessionId, startMs);
            journal(sessionId);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void append(long sessionId, List<String> messages) throws IOException {
        if (!metadata.contains(sessionId)) {
            LOG.warn("Dropped {} messages for deleted session {}", messages.size(), sessionId);
            return;
        }
        SessionJournal journal = journal(sessionId);
        journal.append(messages);
        unforced.add(journal);
    }

    @Override
    public void recordEnd(long sessionId, long endMs) throws IOException {
        metadata.ended(sessionId, endMs);
    }

    @Override
    public void commit() throws IOException {
        if (policy == FsyncPolicy.BATCH) {
            forceUnforced();
        }
    }

    private void forceUnforced() throws IOException {
        for (Iterator<SessionJournal> it = unforced.iterator(); it.hasNext();) {
            SessionJournal journal = it.next();
            it.remove();
            journal.force();
        }
    }

    /** The interval policy's timer: forces what was written since the last tick, even when writes stop. */
    private void forceOnTimer() {
        try {
            forceUnforced();
        } catch (IOException e) {
            LOG.error("Cannot force the journal of {} to disk", folder, e);
        }
    }

    private SessionJournal journal(long sessionId) throws IOException {
        try {
            return journals.computeIfAbsent(sessionId, id -> {
                try {
                    return SessionJournal.open(folder, id);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** @return the session's journal, or empty for an unknown session (no files are created) */
    private Optional<SessionJournal> existing(long sessionId) {
        if (!metadata.contains(sessionId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(journal(sessionId));
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    @Override
    public long count(long sessionId) {
        return existing(sessionId).map(SessionJournal::count).orElse(0L);
    }

    @Override
    public List<String> read(long sessionId, long fromIndex, int max) {
        return existing(sessionId).map(journal -> journal.read(fromIndex, max)).orElse(List.of());
    }

    @Override
    public List<String> newest(long sessionId, int max) {
        return existing(sessionId).map(journal -> journal.read(Math.max(0, journal.count() - max), max)).orElse(List.of());
    }

    @Override
    public List<Long> sessionIds() {
        return metadata.ids();
    }

    @Override
    public Optional<SessionSummary> summary(long sessionId) {
        return metadata.times(sessionId)
                .map(times -> new SessionSummary(sessionId, times.start(), times.end(), count(sessionId)));
    }

    @Override
    public boolean delete(long sessionId) {
        try {
            boolean existed = metadata.remove(sessionId);
            deleteFiles(sessionId);
            return existed;
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void deleteAll() {
        try {
            for (long id : metadata.clear()) {
                deleteFiles(id);
            }
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private void deleteFiles(long sessionId) throws IOException {
        SessionJournal journal = journals.remove(sessionId);
        if (journal != null) {
            unforced.remove(journal);
            journal.delete();
        } else {
            Files.deleteIfExists(SessionJournal.logFile(folder, sessionId));
            Files.deleteIfExists(SessionJournal.indexFile(folder, sessionId));
        }
    }

    @Override
    public boolean reachable() {
        return lockChannel.isOpen();
    }

    @Override
    public String describe() {
        return "embedded store " + folder;
    }

    @Override
    public void close() {
        if (forceTimer != null) {
            forceTimer.shutdownNow();
        }
        for (SessionJournal journal : journals.values()) {
            try {
                journal.close();
            } catch (IOException e) {
                LOG.error("Cannot close a journal of {}", folder, e);
            }
        }
        journals.clear();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.error("Cannot release the lock of {}", folder, e);
        }
    }

    private IllegalStateException unavailable(IOException e) {
        return new IllegalStateException(describe() + ": " + e.getMessage(), e);
    }
}
