// SPDX-License-Identifier: EPL-2.0
package blitz.server.support.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Collects records in a reusable buffer and writes them to a file channel in one go. */
public final class RecordAppender {
    private ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);

    /** Adds one record to the buffer. */
    public void add(byte[] payload) {
        int needed = RecordCodec.recordLength(payload);
        if (buffer.remaining() < needed) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + needed));
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
        RecordCodec.put(buffer, payload);
    }

    /** @return bytes collected and not yet written */
    public int pendingBytes() {
        return buffer.position();
    }

    /**
     * Writes every collected record at {@code position} and empties the buffer.
     *
     * @return the number of bytes written
     */
    public int writeTo(FileChannel channel, long position) throws IOException {
        buffer.flip();
        int written = buffer.remaining();
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        buffer.clear();
        return written;
    }

    /** Drops collected records (after a failed write). */
    public void discard() {
        buffer.clear();
    }
}
