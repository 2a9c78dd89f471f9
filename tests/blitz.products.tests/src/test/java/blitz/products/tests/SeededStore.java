// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Writes a finished session into the runtime's embedded store before the runtime starts, in the store's
 * documented on-disk format ({@code DATA/runtime-store}: {@code sessions.meta}, and {@code session_N.log}
 * of {@code [length][CRC32][payload]} records; the runtime rebuilds the index when it opens the
 * session). Logging 200 000 messages from a simulated board at its 10 messages/s would take hours; this
 * takes a second, and the runtime then serves the session from its own store exactly as a logged one.
 */
final class SeededStore {
    private SeededStore() {
    }

    /** @return the {@code index}th message of a seeded session: a board-8 line numbered by its index */
    static String message(long index) {
        return String.format(Locale.ROOT, "08%026x", index);
    }

    /** Writes session {@code sessionId} with {@code messages} messages as the store's only session. */
    static void write(Path data, long sessionId, int messages) throws IOException {
        Path folder = Files.createDirectories(data.resolve("runtime-store"));
        long end = System.currentTimeMillis();
        Files.writeString(folder.resolve("sessions.meta"), "counter=" + sessionId + "\nsession=" + sessionId + ","
                + (end - messages * 100L) + "," + end + "\n", StandardCharsets.UTF_8);
        try (FileChannel log = FileChannel.open(folder.resolve("session_" + sessionId + ".log"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            CRC32 crc = new CRC32();
            for (int i = 0; i < messages; i++) {
                byte[] payload = message(i).getBytes(StandardCharsets.UTF_8);
                if (buffer.remaining() < payload.length + 8) {
                    flush(log, buffer);
                }
                crc.reset();
                crc.update(payload);
                buffer.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
            }
            flush(log, buffer);
        }
    }

    private static void flush(FileChannel log, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            log.write(buffer);
        }
        buffer.clear();
    }
}
