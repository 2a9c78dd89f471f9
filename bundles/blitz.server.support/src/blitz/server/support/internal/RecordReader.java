// SPDX-License-Identifier: EPL-2.0
package blitz.server.support.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads {@link RecordCodec} records sequentially from a file channel through a buffer, from a given
 * position up to a limit. {@link #next()} returns {@code null} at the limit or at the first record
 * that is torn or corrupt; {@link #position()} is then the end of the valid data.
 */
public final class RecordReader {
    private final FileChannel channel;
    private final long limit;
    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long bufferStart;
    private long position;

    /**
     * @param channel  the file, read with positional reads (the channel's own position is untouched)
     * @param position offset of the first record
     * @param limit    offset where reading stops (usually the file size)
     */
    public RecordReader(FileChannel channel, long position, long limit) {
        this.channel = channel;
        this.position = position;
        this.bufferStart = position;
        this.limit = limit;
        buffer.limit(0);
    }

    /** @return the offset after the last record returned */
    public long position() {
        return position;
    }

    /** @return the next record's payload, or {@code null} at the limit or at a torn or corrupt record */
    public byte[] next() throws IOException {
        if (!fill(RecordCodec.HEADER_BYTES)) {
            return null;
        }
        int at = (int) (position - bufferStart);
        int length = buffer.getInt(at);
        int crc = buffer.getInt(at + 4);
        if (!RecordCodec.plausibleLength(length) || !fill(RecordCodec.HEADER_BYTES + length)) {
            return null;
        }
        at = (int) (position - bufferStart);
        byte[] payload = new byte[length];
        buffer.get(at + RecordCodec.HEADER_BYTES, payload);
        if (RecordCodec.crc(payload, 0, length) != crc) {
            return null;
        }
        position += RecordCodec.HEADER_BYTES + length;
        return payload;
    }

    /** Skips {@code count} records. @return how many were skipped (fewer at the end of the data) */
    public long skip(long count) throws IOException {
        long skipped = 0;
        while (skipped < count && next() != null) {
            skipped++;
        }
        return skipped;
    }

    /** Makes {@code needed} bytes from {@link #position} available in the buffer if the file has them. */
    private boolean fill(int needed) throws IOException {
        if (position + needed > limit) {
            return false;
        }
        long available = bufferStart + buffer.limit() - position;
        if (available >= needed) {
            return true;
        }
        if (buffer.capacity() < needed) {
            buffer = ByteBuffer.allocate(Math.max(needed, buffer.capacity() * 2));
        }
        buffer.clear();
        bufferStart = position;
        int toRead = (int) Math.min(buffer.capacity(), limit - position);
        buffer.limit(toRead);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, bufferStart + buffer.position()) < 0) {
                break;
            }
        }
        buffer.limit(buffer.position());
        buffer.position(0);
        return buffer.limit() >= needed;
    }
}
