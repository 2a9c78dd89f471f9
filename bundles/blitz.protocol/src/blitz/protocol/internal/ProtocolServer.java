package blitz.protocol.internal;

import java.io.ByteArrayOutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import blitz.logger.LoggingRuntime;
import blitz.protocol.ProtocolFrames;

/**
 * Serves the logger protocol on a ZeroMQ REP socket (configuration PID {@value #PID}). One thread owns
 * the socket: strict request/reply, every request gets exactly one reply. It guards the
 * {@link LoggerProtocol} against oversized, non-ASCII and unauthenticated requests.
 */
@Component(service = {}, configurationPid = ProtocolServer.PID, immediate = true)
public class ProtocolServer {
    public static final String PID = "blitz.protocol";
    private static final System.Logger LOG = System.getLogger(ProtocolServer.class.getName());
    /** Frames larger than this make JeroMQ drop the peer: a defence against memory abuse. */
    private static final long MAX_FRAME_BYTES = 1 << 20;
    private static final int POLL_MS = 200;

    /** Configuration (PID {@value ProtocolServer#PID}); see docs/protocol-logger.md. */
    public @interface Config {
        /** Address to bind; anything but a loopback address requires a token. */
        String bindAddress() default "127.0.0.1";

        int port() default 8999;

        /** Shared secret (property {@code .token}, private like the Redis store's {@code .password}); when set
         * every request must start with {@code AUTH <token> }. Never logged. */
        String _token() default "";

        /** Longest request answered, in bytes; longer ones get {@code ERROR 4}. */
        int maxRequestLength() default 4096;
    }

    private final LoggerProtocol protocol;
    private final byte[] tokenHash;
    private final int maxRequestLength;
    private final String endpoint;
    private final Thread thread;
    private volatile boolean running = true;

    @Activate
    public ProtocolServer(@Reference LoggingRuntime runtime, Config config) {
        this.protocol = new LoggerProtocol(runtime);
        this.tokenHash = config._token().isEmpty() ? null : sha256(config._token());
        this.maxRequestLength = Math.max(64, config.maxRequestLength());
        this.endpoint = "tcp://" + config.bindAddress().trim() + ":" + config.port();
        if (tokenHash == null && !isLoopback(config.bindAddress().trim())) {
            LOG.log(Level.ERROR, "Refusing to serve the logger protocol on {0} without a token: set ''token'' in the"
                    + " configuration {1}, or bind to 127.0.0.1", endpoint, PID);
            thread = null;
            return;
        }
        thread = new Thread(this::serve, "blitz-protocol " + endpoint);
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5_000);
        }
    }

    private void serve() {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket socket = context.createSocket(SocketType.REP);
            socket.setLinger(0);
            socket.setMaxMsgSize(MAX_FRAME_BYTES);
            socket.setReceiveTimeOut(POLL_MS);
            try {
                socket.bind(endpoint);
            } catch (ZMQException e) {
                LOG.log(Level.ERROR, "Cannot serve the logger protocol on {0}: {1}", endpoint, e.getMessage());
                return;
            }
            LOG.log(Level.INFO, "Logger protocol listening on {0}{1}", endpoint, tokenHash == null ? "" : " (token required)");
            while (running && !Thread.currentThread().isInterrupted()) {
                byte[] first = socket.recv(0);
                if (first == null) {
                    continue; // receive timeout: look at the running flag again
                }
                byte[] request = readRest(socket, first);
                send(socket, reply(request));
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.log(Level.ERROR, "The logger protocol server on " + endpoint + " stopped", e);
            }
        }
    }

    /** Reads the request's remaining frames, keeping at most one byte more than the limit. */
    private byte[] readRest(ZMQ.Socket socket, byte[] first) {
        if (!socket.hasReceiveMore()) {
            return first;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(first, 0, Math.min(first.length, maxRequestLength + 1));
        while (socket.hasReceiveMore()) {
            byte[] frame = socket.recv(0);
            if (frame != null && all.size() <= maxRequestLength) {
                all.write(frame, 0, Math.min(frame.length, maxRequestLength + 1 - all.size()));
            }
        }
        return all.toByteArray();
    }

    /** @return the one reply to a raw request */
    String reply(byte[] raw) {
        if (raw.length > maxRequestLength) {
            return "ERROR 4 request longer than " + maxRequestLength + " bytes";
        }
        for (byte b : raw) {
            if ((b < 0x20 || b > 0x7E) && b != '\t' && b != '\r' && b != '\n') {
                return "ERROR 4 request is not printable ASCII";
            }
        }
        String request = new String(raw, StandardCharsets.US_ASCII).strip();
        boolean authenticated = tokenHash == null;
        if (request.startsWith("AUTH ") || request.equals("AUTH")) {
            String[] parts = request.split("\\s+", 3);
            String given = parts.length > 1 ? parts[1] : "";
            authenticated = tokenHash == null || MessageDigest.isEqual(tokenHash, sha256(given));
            request = parts.length > 2 ? parts[2] : "AUTH";
        }
        if (!authenticated) {
            LOG.log(Level.WARNING, "Refused a logger protocol request with a missing or wrong token");
            return "ERROR 6 authentication required: send AUTH <token> <command>";
        }
        return ascii(protocol.handle(request));
    }

    private static void send(ZMQ.Socket socket, String reply) {
        List<String> frames = ProtocolFrames.split(reply);
        for (int i = 0; i < frames.size() - 1; i++) {
            socket.sendMore(frames.get(i));
        }
        socket.send(frames.get(frames.size() - 1));
    }

    /** Replies stay ASCII so that a frame's characters are its bytes. */
    private static String ascii(String reply) {
        StringBuilder out = null;
        for (int i = 0; i < reply.length(); i++) {
            char c = reply.charAt(i);
            if (c > 0x7E || (c < 0x20 && c != '\n')) {
                if (out == null) {
                    out = new StringBuilder(reply.substring(0, i));
                }
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? reply : out.toString();
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
