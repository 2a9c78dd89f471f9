// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * One TCP connection to a NetScanner, as request and reply: a command is written as its bare ASCII
 * bytes (no terminator, as the original sent them) and the reply is what the device sends back. A
 * reply ends at a line feed, or when no further byte follows within {@link #REPLY_GAP_MS} (the device
 * may not terminate its replies; the original took whatever one {@code recv} returned). Used by one
 * thread; {@link #close()} may come from another to break a blocked connect or read.
 */
final class ScannerLink implements AutoCloseable {
    /** Silence after the last byte that ends an unterminated reply. */
    static final int REPLY_GAP_MS = 50;
    /**
     * Longest reply, as the original's {@code recv(1024)}. A longer one comes back cut to one character
     * more, so the caller can tell; its rest is dropped before the next command.
     */
    static final int MAX_REPLY_BYTES = 1024;

    private final Socket socket = new Socket();
    private final String host;
    private final int port;
    private final String address;
    private final int timeoutMs;
    private final LongConsumer bytesRead;
    private final byte[] buffer = new byte[4096];
    private InputStream in;
    private OutputStream out;

    /** A link not connected yet, so that another thread can {@link #close()} it while it connects. */
    ScannerLink(String host, int port, int timeoutMs, LongConsumer bytesRead) {
        this.host = host;
        this.port = port;
        this.address = host + ":" + port;
        this.timeoutMs = timeoutMs;
        this.bytesRead = bytesRead;
    }

    /**
     * @throws IOException with a message naming the address when the device cannot be reached
     */
    void connect() throws IOException {
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMs);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            close();
            throw new IOException("cannot connect to NetScanner " + address + ": " + describe(e), e);
        }
    }

    String address() {
        return address;
    }

    /**
     * Sends a command and waits for its reply. Bytes that arrived before the command (a late reply to
     * an earlier one) are dropped first, so a reply always belongs to its command.
     *
     * @return the reply, or {@code null} when nothing came within the timeout
     * @throws ConnectionLostException when the device closed the connection or the socket failed
     */
    String exchange(String command) throws IOException {
        try {
            dropStaleInput();
            out.write(command.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readReply();
        } catch (ConnectionLostException e) {
            throw e;
        } catch (IOException e) {
            throw new ConnectionLostException("connection to " + address + " failed: " + describe(e));
        }
    }

    private void dropStaleInput() throws IOException {
        int available;
        while ((available = in.available()) > 0) {
            int n = in.read(buffer, 0, Math.min(available, buffer.length));
            if (n < 0) {
                throw closedByDevice();
            }
            bytesRead.accept(n);
        }
    }

    private String readReply() throws IOException {
        StringBuilder reply = new StringBuilder();
        socket.setSoTimeout(timeoutMs);
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                return reply.length() == 0 ? null : reply.toString();
            }
            if (n < 0) {
                throw closedByDevice();
            }
            bytesRead.accept(n);
            int kept = Math.min(n, MAX_REPLY_BYTES + 1 - reply.length());
            reply.append(new String(buffer, 0, kept, StandardCharsets.ISO_8859_1));
            if (buffer[n - 1] == '\n' || reply.length() > MAX_REPLY_BYTES) {
                return reply.toString();
            }
            socket.setSoTimeout(REPLY_GAP_MS);
        }
    }

    private ConnectionLostException closedByDevice() {
        return new ConnectionLostException("NetScanner " + address + " closed the connection");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing more to read or lose
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The connection is gone: the source reconnects. */
    static final class ConnectionLostException extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectionLostException(String message) {
            super(message);
        }
    }
}
