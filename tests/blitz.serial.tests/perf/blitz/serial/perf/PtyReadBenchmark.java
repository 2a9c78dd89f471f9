// SPDX-License-Identifier: EPL-2.0
package blitz.serial.perf;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

import com.fazecast.jSerialComm.SerialPort;

import blitz.codec.LineSplitter;
import blitz.simulator.SocatPtyPair;

/**
 * Reads board-message lines from a socat pty through jSerialComm and the codec's line splitter, and
 * compares with what the writer wrote: once paced at 375 kB/s (what a 3 Mbaud line carries) and
 * once as fast as the writer can go. Not run by the build; see docs/performance.md, "Serial".
 */
public final class PtyReadBenchmark {
    private static final int LINE_BYTES = 30; // 28 hex characters + CR LF, as the firmware's println

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        Path directory = Files.createTempDirectory("blitz-pty-bench");
        try (SocatPtyPair pty = new SocatPtyPair(directory).start()) {
            run(pty, "paced 375 kB/s (3 Mbaud)", "serial.paced", 375_000, seconds);
            run(pty, "unpaced", "serial.unpaced", 0, seconds);
        }
    }

    private static void run(SocatPtyPair pty, String name, String key, long bytesPerSecond, double seconds) throws Exception {
        SerialPort port = SerialPort.getCommPort(pty.hostEnd().toString());
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
        if (!port.openPort()) {
            throw new IllegalStateException("cannot open " + pty.hostEnd());
        }
        AtomicLong lines = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        LineSplitter splitter = new LineSplitter(4096, line -> {
            if (!line.equals(line(lines.get()))) {
                wrong.incrementAndGet();
            }
            lines.incrementAndGet();
        });
        long[] written = new long[1];
        Thread writer = new Thread(() -> written[0] = write(pty.boardEnd(), bytesPerSecond, seconds), "writer");
        long start = System.nanoTime();
        writer.start();
        byte[] chunk = new byte[64 * 1024];
        long bytes = 0;
        long quietSince = System.nanoTime();
        while (writer.isAlive() || System.nanoTime() - quietSince < 500_000_000L) {
            int n = port.readBytes(chunk, chunk.length);
            if (n > 0) {
                bytes += n;
                splitter.feed(chunk, 0, n);
                quietSince = System.nanoTime();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9 - 0.5;
        port.closePort();
        long writtenLines = written[0] / LINE_BYTES;
        System.out.printf("%-26s wrote %,d lines (%,d B); read %,d lines (%,d B) in %.2f s = %,.0f B/s, %,.0f lines/s;"
                + " arrived %.3f %%, %d out of order or damaged%n", name, writtenLines, written[0], lines.get(), bytes, elapsed,
                bytes / elapsed, lines.get() / elapsed, 100.0 * lines.get() / writtenLines, wrong.get());
        // for releng/run-benchmarks.sh: lines read intact per second, baseline the lines written per second
        System.out.printf(java.util.Locale.ROOT, "RESULT %s %.1f lines/s baseline=%.1f%n", key,
                (lines.get() - wrong.get()) / elapsed, writtenLines / elapsed);
    }

    /** @return bytes written */
    private static long write(Path device, long bytesPerSecond, double seconds) {
        try (FileChannel out = FileChannel.open(device, StandardOpenOption.WRITE)) {
            long start = System.nanoTime();
            long index = 0;
            long total = 0;
            StringBuilder text = new StringBuilder();
            while (true) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (elapsed >= seconds) {
                    return total;
                }
                long due = bytesPerSecond > 0 ? (long) (elapsed * bytesPerSecond) - total : 64 * 1024;
                if (due < LINE_BYTES) {
                    Thread.sleep(1);
                    continue;
                }
                text.setLength(0);
                for (long n = due / LINE_BYTES; n > 0; n--) {
                    text.append(line(index++)).append("\r\n");
                }
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1));
                while (bytes.hasRemaining()) {
                    total += out.write(bytes);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Line {@code index}: a board-8 data message whose payload is the index. */
    private static String line(long index) {
        return String.format("08A000000000%016X", index);
    }
}
