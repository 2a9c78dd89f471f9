// SPDX-License-Identifier: EPL-2.0
package blitz.server.support.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local append-only spool that holds writes while the backend is unreachable, so that they
 * survive a restart of the runtime. {@code spool.log} holds {@link RecordCodec} records of
 * {@link Op}s in acceptance order; {@code spool.pos} holds the offset up to which records were
 * replayed (written by write-temp-then-rename). Every append is forced to disk. A torn last record
 * (crash while spooling) is cut off when the spool is opened.
 *
 * <p>Used by the writer thread only.
 */
public final class SpoolFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolFile.class);

    private final Path logFile;
    private final Path positionFile;
    private final FileChannel channel;
    private final RecordAppender appender = new RecordAppender();
    private long consumedOffset;
    private long end;
    private long records;

    /** Opens (creating if needed) the spool in {@code folder} and recovers what an earlier run left. */
    public SpoolFile(Path folder) throws IOException {
        Files.createDirectories(folder);
        logFile = folder.resolve("spool.log");
        positionFile = folder.resolve("spool.pos");
        channel = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            throw new IOException("the spool " + logFile + " is in use by another store");
        }
        consumedOffset = Files.exists(positionFile) ? Long.parseLong(Files.readString(positionFile).trim()) : 0;
        long size = channel.size();
        consumedOffset = Math.min(consumedOffset, size);
        RecordReader reader = new RecordReader(channel, consumedOffset, size);
        while (reader.next() != null) {
            records++;
        }
        end = reader.position();
        if (end < size) {
            LOG.warn("Spool {}: cut off a torn record ({} bytes) left by a crash; {} spooled writes kept", logFile, size - end, records);
            channel.truncate(end);
        }
    }

    /** @return the spool's log file */
    public Path file() {
        return logFile;
    }

    /** @return writes spooled and not yet replayed */
    public long size() {
        return records;
    }

    /** Appends writes and forces them to disk. */
    public void append(List<Op> ops) throws IOException {
        for (Op op : ops) {
            appender.add(encode(op));
        }
        try {
            end += appender.writeTo(channel, end);
        } catch (IOException e) {
            appender.discard();
            channel.truncate(end);
            throw e;
        }
        channel.force(false);
        records += ops.size();
    }

    /** A run of spooled writes and the offset just after them. */
    public record Chunk(List<Op> ops, long endOffset) {
    }

    /** @return the oldest (up to) {@code max} writes not yet replayed */
    public Chunk peek(int max) throws IOException {
        RecordReader reader = new RecordReader(channel, consumedOffset, end);
        List<Op> ops = new ArrayList<>(Math.min(max, 4096));
        byte[] payload;
        while (ops.size() < max && (payload = reader.next()) != null) {
            ops.add(decode(payload));
        }
        return new Chunk(ops, reader.position());
    }

    /** Marks a chunk from {@link #peek} as replayed; empties the files when everything was. */
    public void consumed(Chunk chunk) throws IOException {
        records -= chunk.ops().size();
        consumedOffset = chunk.endOffset();
        if (records == 0) {
            channel.truncate(0);
            channel.force(true);
            end = 0;
            consumedOffset = 0;
            Files.deleteIfExists(positionFile);
            return;
        }
        Path temp = positionFile.resolveSibling("spool.pos.tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(Long.toString(consumedOffset).getBytes(StandardCharsets.US_ASCII)));
            out.force(true);
        }
        Files.move(temp, positionFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static byte[] encode(Op op) {
        byte[] text = op.payload().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(9 + text.length);
        buffer.put((byte) op.kind().ordinal()).putLong(op.sessionId()).put(text);
        return buffer.array();
    }

    private static Op decode(byte[] payload) {
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        Op.Kind kind = Op.Kind.values()[buffer.get()];
        long sessionId = buffer.getLong();
        return new Op(kind, sessionId, new String(payload, 9, payload.length - 9, StandardCharsets.UTF_8));
    }
}
