// SPDX-License-Identifier: EPL-2.0
package blitz.server.embedded.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.server.support.internal.RecordAppender;
import blitz.server.support.internal.RecordReader;

/**
 * The messages of one session: {@code session_N.log} holds length-prefixed, CRC-checked records in
 * chronological order; {@code session_N.idx} holds the offset of every {@value #INDEX_STRIDE}th
 * record (a rebuildable cache), so a read from any index seeks and skips fewer than
 * {@value #INDEX_STRIDE} records. Opening cuts off a torn last record. Appended by the writer
 * thread only; read by any thread.
 */
final class SessionJournal implements AutoCloseable {
    static final int INDEX_STRIDE = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SessionJournal.class);

    private final Path logFile;
    private final Path indexFile;
    private final FileChannel log;
    private final FileChannel index;
    private final RecordAppender appender = new RecordAppender();
    // offsets[k] = offset of record k * INDEX_STRIDE; guarded by this
    private long[] offsets = new long[16];
    private int offsetCount;
    private int offsetsInIndexFile;
    private long count;
    private long size;
    private boolean unforced;

    private SessionJournal(Path logFile, Path indexFile) throws IOException {
        this.logFile = logFile;
        this.indexFile = indexFile;
        this.log = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.index = FileChannel.open(indexFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    static Path logFile(Path folder, long sessionId) {
        return folder.resolve("session_" + sessionId + ".log");
    }

    static Path indexFile(Path folder, long sessionId) {
        return folder.resolve("session_" + sessionId + ".idx");
    }

    /** Opens (creating if needed) a session's files and recovers from a crash. */
    static SessionJournal open(Path folder, long sessionId) throws IOException {
        SessionJournal journal = new SessionJournal(logFile(folder, sessionId), indexFile(folder, sessionId));
        try {
            journal.recover();
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    private void recover() throws IOException {
        long fileSize = log.size();
        long[] stored = readIndexFile();
        addOffset(0);
        for (long offset : stored) {
            addOffset(offset);
        }
        // index entries may point past the data that reached the disk: keep the last one that starts a valid record
        while (offsetCount > 1 && !validRecordAt(offsets[offsetCount - 1], fileSize)) {
            offsetCount--;
        }
        long base = (long) (offsetCount - 1) * INDEX_STRIDE;
        RecordReader reader = new RecordReader(log, offsets[offsetCount - 1], fileSize);
        long scanned = 0;
        long before = reader.position();
        while (reader.next() != null) {
            if ((base + scanned) % INDEX_STRIDE == 0 && base + scanned > base) {
                addOffset(before);
            }
            scanned++;
            before = reader.position();
        }
        count = base + scanned;
        size = reader.position();
        if (size < fileSize) {
            LOG.warn("Journal {}: cut off a torn or corrupt record ({} bytes) left by a crash; {} complete messages kept",
                    logFile, fileSize - size, count);
            log.truncate(size);
            log.force(true);
        }
        if (offsetCount - 1 != stored.length || !Arrays.equals(stored, Arrays.copyOfRange(offsets, 1, offsetCount))) {
            index.truncate(0);
            offsetsInIndexFile = 0;
            writeIndexEntries();
            index.force(true);
        } else {
            offsetsInIndexFile = offsetCount - 1;
        }
    }

    private long[] readIndexFile() throws IOException {
        int entries = (int) (index.size() / Long.BYTES);
        ByteBuffer buffer = ByteBuffer.allocate(entries * Long.BYTES);
        boolean more = true;
        while (buffer.hasRemaining() && more) {
            more = index.read(buffer, buffer.position()) >= 0;
        }
        buffer.flip();
        long[] stored = new long[entries];
        for (int i = 0; i < entries; i++) {
            stored[i] = buffer.getLong();
        }
        return stored;
    }

    private boolean validRecordAt(long offset, long fileSize) throws IOException {
        return offset < fileSize && new RecordReader(log, offset, fileSize).next() != null;
    }

    private void addOffset(long offset) {
        if (offsetCount == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[offsetCount++] = offset;
    }

    /** Appends messages, oldest first; nothing of them remains after a failure. */
    void append(List<String> messages) throws IOException {
        long position;
        long next;
        synchronized (this) {
            position = size;
            next = count;
        }
        List<Long> newOffsets = new ArrayList<>();
        for (String message : messages) {
            if (next % INDEX_STRIDE == 0 && next > 0) {
                newOffsets.add(position + appender.pendingBytes());
            }
            appender.add(message.getBytes(StandardCharsets.UTF_8));
            next++;
        }
        int written;
        try {
            written = appender.writeTo(log, position);
        } catch (IOException e) {
            appender.discard();
            log.truncate(position);
            throw e;
        }
        synchronized (this) {
            for (long offset : newOffsets) {
                addOffset(offset);
            }
            size = position + written;
            count = next;
            unforced = true;
        }
        writeIndexEntries();
    }

    private void writeIndexEntries() throws IOException {
        int total;
        long[] snapshot;
        synchronized (this) {
            total = offsetCount - 1;
            snapshot = offsets;
        }
        if (total == offsetsInIndexFile) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate((total - offsetsInIndexFile) * Long.BYTES);
        for (int i = offsetsInIndexFile; i < total; i++) {
            buffer.putLong(snapshot[i + 1]);
        }
        buffer.flip();
        long at = (long) offsetsInIndexFile * Long.BYTES;
        while (buffer.hasRemaining()) {
            at += index.write(buffer, at);
        }
        offsetsInIndexFile = total;
    }

    /** Forces appended data (and new index entries) to disk. */
    void force() throws IOException {
        synchronized (this) {
            if (!unforced || !log.isOpen()) {
                return;
            }
            unforced = false;
        }
        log.force(false);
        index.force(false);
    }

    synchronized long count() {
        return count;
    }

    /** @return up to {@code max} messages from index {@code fromIndex}, oldest first */
    List<String> read(long fromIndex, int max) {
        long start;
        long limit;
        long available;
        synchronized (this) {
            if (fromIndex >= count) {
                return List.of();
            }
            start = offsets[(int) (fromIndex / INDEX_STRIDE)];
            limit = size;
            available = count - fromIndex;
        }
        int wanted = (int) Math.min(max, available);
        List<String> messages = new ArrayList<>(wanted);
        try {
            RecordReader reader = new RecordReader(log, start, limit);
            reader.skip(fromIndex % INDEX_STRIDE);
            byte[] payload;
            while (messages.size() < wanted && (payload = reader.next()) != null) {
                messages.add(new String(payload, StandardCharsets.UTF_8));
            }
        } catch (ClosedChannelException e) {
            return List.of(); // deleted meanwhile
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + logFile + ": " + e.getMessage(), e);
        }
        return messages;
    }

    @Override
    public void close() throws IOException {
        try (FileChannel l = log; FileChannel i = index) {
            if (l.isOpen()) {
                force();
            }
        }
    }

    /** Closes and removes the session's files. */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(logFile);
        Files.deleteIfExists(indexFile);
    }
}
