// SPDX-License-Identifier: EPL-2.0
package blitz.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Cuts a byte stream that arrives in chunks of any size into lines. A line ends at CR, LF or CRLF;
 * empty lines (including the LF of a CRLF) are skipped. Bytes are taken as ISO-8859-1 characters,
 * so garbage reaches the listener unchanged and is refused later by the parser.
 *
 * <p>Memory is bounded: a line longer than {@link #maxLineLength()} is discarded up to its
 * terminator and counted in {@link #overflows()}; the buffer never grows beyond the maximum.
 * No allocation happens per byte: only one {@code String} per delivered line.
 *
 * <p>Not thread-safe: one reader thread feeds it.
 */
public final class LineSplitter {

    /** Receives the complete lines, without terminators, in stream order. */
    @FunctionalInterface
    public interface LineListener {
        void onLine(String line);
    }

    private final byte[] buffer;
    private final LineListener listener;
    private byte[] scratch;
    private int length;
    private boolean discarding;
    private long lines;
    private long overflows;

    /**
     * @param maxLineLength longest line delivered, in bytes (without terminator), at least 1
     * @param listener      called for every complete non-empty line
     */
    public LineSplitter(int maxLineLength, LineListener listener) {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be positive: " + maxLineLength);
        }
        this.buffer = new byte[maxLineLength];
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public int maxLineLength() {
        return buffer.length;
    }

    /** Feeds {@code count} bytes of {@code bytes} starting at {@code offset}. */
    public void feed(byte[] bytes, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, bytes.length);
        int end = offset + count;
        int lineStart = offset;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                append(bytes, lineStart, i - lineStart);
                endLine();
                lineStart = i + 1;
            }
        }
        append(bytes, lineStart, end - lineStart);
    }

    /** Feeds the remaining bytes of {@code bytes}, leaving its position at its limit. */
    public void feed(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            feed(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            bytes.position(bytes.limit());
            return;
        }
        if (scratch == null) {
            scratch = new byte[8192];
        }
        byte[] chunk = scratch;
        while (bytes.hasRemaining()) {
            int count = Math.min(chunk.length, bytes.remaining());
            bytes.get(chunk, 0, count);
            feed(chunk, 0, count);
        }
    }

    /** Forgets a partly received line, e.g. after the port was reopened. It is not counted. */
    public void reset() {
        length = 0;
        discarding = false;
    }

    /** @return lines delivered so far */
    public long lines() {
        return lines;
    }

    /** @return over-long lines discarded so far */
    public long overflows() {
        return overflows;
    }

    /** @return bytes of the current unfinished line held in the buffer */
    public int pending() {
        return length;
    }

    private void append(byte[] bytes, int from, int count) {
        if (discarding || count == 0) {
            return;
        }
        if (length + count > buffer.length) {
            discarding = true;
            overflows++;
            length = 0;
            return;
        }
        System.arraycopy(bytes, from, buffer, length, count);
        length += count;
    }

    private void endLine() {
        if (discarding) {
            discarding = false;
        } else if (length > 0) {
            lines++;
            String line = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
            length = 0;
            listener.onLine(line);
        }
    }
}
