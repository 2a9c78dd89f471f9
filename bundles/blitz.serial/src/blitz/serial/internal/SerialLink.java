// SPDX-License-Identifier: EPL-2.0
package blitz.serial.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;

import blitz.codec.LineSplitter;

/**
 * One open serial port as a line channel: writes lines, reads lines with a timeout. A read that
 * fails or jSerialComm's disconnect event turns into {@link PortLostException}. Used by one thread
 * at a time (the source serialises exchanges).
 */
final class SerialLink implements AutoCloseable {
    /** How long one native read waits for the first byte; bounds how fast a disconnect or stop is seen. */
    private static final int READ_SLICE_MS = 50;

    private final SerialPort port;
    private final String path;
    private final LongConsumer bytesRead;
    private final LineSplitter splitter;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final byte[] chunk = new byte[64 * 1024];
    private volatile boolean disconnected;
    private volatile long lastByteNanos = System.nanoTime();

    private SerialLink(SerialPort port, String path, int maxLineLength, LongConsumer bytesRead) {
        this.port = port;
        this.path = path;
        this.bytesRead = bytesRead;
        this.splitter = new LineSplitter(maxLineLength, lines::add);
    }

    /**
     * Opens the port (8N1, no flow control) and flushes what it held.
     *
     * @throws IOException with a message saying why when the port does not exist or cannot be opened
     */
    static SerialLink open(String path, int baud, int maxLineLength, LongConsumer bytesRead) throws IOException {
        if (path.startsWith("/") && !Files.exists(Path.of(path))) {
            throw new IOException("port " + path + " does not exist");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new IOException("port " + path + " is not a serial port: " + e.getMessage(), e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_SLICE_MS, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open port " + path + " (error " + port.getLastErrorCode() + ")");
        }
        // jSerialComm reports error 25 (inappropriate ioctl) after opening a pty: harmless, not checked
        SerialLink link = new SerialLink(port, path, maxLineLength, bytesRead);
        port.addDataListener(link.new DisconnectListener());
        port.flushIOBuffers();
        return link;
    }

    String path() {
        return path;
    }

    /** @return nanoTime of the last byte read (or of opening) */
    long lastByteNanos() {
        return lastByteNanos;
    }

    /** @return over-long lines the splitter discarded so far */
    long overlongLines() {
        return splitter.overflows();
    }

    void writeLine(String line) throws IOException {
        checkConnected();
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.ISO_8859_1);
        int written = 0;
        while (written < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - written, written);
            if (n < 0) {
                disconnected = true;
                throw new PortLostException("write to " + path + " failed (error " + port.getLastErrorCode() + ")");
            }
            written += n;
        }
    }

    /**
     * @param quietMs give up when no byte arrives for this long
     * @return the next line, or {@code null} when the port stayed quiet for {@code quietMs}
     * @throws PortLostException when the port went away
     */
    String readLine(long quietMs) throws IOException {
        long quietNanos = TimeUnit.MILLISECONDS.toNanos(quietMs);
        long lastActivity = System.nanoTime();
        while (lines.isEmpty()) {
            checkConnected();
            int n = port.readBytes(chunk, chunk.length);
            if (n < 0) {
                disconnected = true;
                throw new PortLostException("read from " + path + " failed (error " + port.getLastErrorCode() + ")");
            }
            long now = System.nanoTime();
            if (n > 0) {
                bytesRead.accept(n);
                lastByteNanos = now;
                lastActivity = now;
                splitter.feed(chunk, 0, n);
            } else if (now - lastActivity >= quietNanos) {
                return null;
            }
        }
        return lines.poll();
    }

    /** Reads and drops input until the port has been quiet for {@code quietMs}. */
    void discardInput(long quietMs) throws IOException {
        while (readLine(quietMs) != null) {
            // dropped: replies to whatever the board was asked before we opened it
        }
        splitter.reset();
    }

    @Override
    public void close() {
        port.removeDataListener();
        port.closePort();
    }

    private void checkConnected() throws PortLostException {
        if (disconnected) {
            throw new PortLostException("port " + path + " disconnected");
        }
    }

    private final class DisconnectListener implements SerialPortDataListener {
        @Override
        public int getListeningEvents() {
            return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
        }

        @Override
        public void serialEvent(SerialPortEvent event) {
            disconnected = true;
        }
    }
}
