// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A client of the original logger protocol on a loopback port, as existing Blitz clients talk to the
 * runtime: one request, one reply, frames joined; optionally over CURVE and with a token, as the
 * workbench talks to a runtime that asks for them. A request that gets no reply within the timeout
 * fails the test with the runtime's threads and output (what it was doing instead of answering) and
 * leaves the client usable (a fresh socket is opened for the next request).
 */
final class LoggerClient implements AutoCloseable {
    /** The original's port, which the runtime serves without {@code --port}. */
    static final int DEFAULT_PORT = 8999;
    /**
     * A liveness guard, not a latency goal: START drains and restarts every source and forces the
     * store's files to disk, usually within 0.5 s, but a machine still busy writing the build's output
     * can stretch that far.
     */
    private static final int TIMEOUT_MS = 60_000;
    /** A reply slower than this prints what the runtime is doing meanwhile (its threads), once per request. */
    private static final int SLOW_MS = 5_000;

    private final ZContext context = new ZContext();
    private final ProductProcess runtime;
    private final String endpoint;
    private final String serverKey;
    private final String authPrefix;
    private ZMQ.Socket socket;

    /**
     * A plain client, as the original's.
     *
     * @param runtime the runtime the requests go to, looked at when one gets no reply
     */
    LoggerClient(ProductProcess runtime, int port) {
        this(runtime, port, null, null);
    }

    /**
     * @param serverKey the runtime's CURVE public key (Z85), {@code null} for a plain connection
     * @param token     sent before every request ({@code AUTH <token> }), {@code null} for none
     */
    LoggerClient(ProductProcess runtime, int port, String serverKey, String token) {
        this.runtime = runtime;
        this.endpoint = "tcp://127.0.0.1:" + port;
        this.serverKey = serverKey;
        this.authPrefix = token == null ? "" : "AUTH " + token + " ";
    }

    String request(String message) {
        ZMQ.Socket socket = socket();
        socket.send((authPrefix + message).getBytes(StandardCharsets.US_ASCII), 0);
        StringBuilder reply = new StringBuilder();
        do {
            byte[] frame = socket.recv(0);
            if (frame == null && reply.length() == 0) {
                System.out.println("no reply to " + message + " after " + SLOW_MS + " ms yet; the runtime meanwhile:\n"
                        + runtime.diagnostics());
                socket.setReceiveTimeOut(TIMEOUT_MS - SLOW_MS);
                frame = socket.recv(0);
                socket.setReceiveTimeOut(SLOW_MS);
            }
            if (frame == null) {
                context.destroySocket(socket);
                this.socket = null;
                throw new AssertionError("no reply to " + message + " within " + TIMEOUT_MS + " ms\n" + runtime.diagnostics());
            }
            reply.append(new String(frame, StandardCharsets.US_ASCII));
        } while (socket.hasReceiveMore());
        return reply.toString();
    }

    /**
     * The first request of a new client, retried on a fresh socket when no reply comes within
     * {@code attemptMs} (lazy pirate, as the workbench's client does): JeroMQ now and then never
     * completes a new socket's connection (about 1 in 100 on a busy machine, with any server), and a
     * fresh socket does.
     *
     * @return the reply, and in {@code retries} one more for each fresh socket it took
     */
    String connect(String message, int attemptMs, int[] retries) {
        for (int attempt = 1; attempt < 5; attempt++) {
            ZMQ.Socket socket = socket();
            socket.setReceiveTimeOut(attemptMs);
            socket.send((authPrefix + message).getBytes(StandardCharsets.US_ASCII), 0);
            byte[] frame = socket.recv(0);
            socket.setReceiveTimeOut(SLOW_MS);
            if (frame != null) {
                StringBuilder reply = new StringBuilder(new String(frame, StandardCharsets.US_ASCII));
                while (socket.hasReceiveMore()) {
                    reply.append(new String(socket.recv(0), StandardCharsets.US_ASCII));
                }
                return reply.toString();
            }
            context.destroySocket(socket);
            this.socket = null;
            retries[0]++;
        }
        return request(message);
    }

    /** @return this client's REQ socket, a fresh one after a request that got no reply */
    private ZMQ.Socket socket() {
        if (socket == null) {
            socket = context.createSocket(SocketType.REQ);
            socket.setReceiveTimeOut(SLOW_MS);
            socket.setLinger(0);
            if (serverKey != null) {
                ZMQ.Curve.KeyPair own = ZMQ.Curve.generateKeyPair(); // the runtime authenticates clients by token, not key
                socket.setCurveServerKey(ZMQ.Curve.z85Decode(serverKey));
                socket.setCurvePublicKey(ZMQ.Curve.z85Decode(own.publicKey));
                socket.setCurveSecretKey(ZMQ.Curve.z85Decode(own.secretKey));
            }
            socket.connect(endpoint);
        }
        return socket;
    }

    /** @return every stored line of a session, downloaded chunk by chunk as the original client does */
    List<String> download(long sessionId) {
        List<String> lines = new ArrayList<>();
        String reply = request("DOWNLOAD " + sessionId);
        while (true) {
            List<String> chunk = new ArrayList<>(reply.lines().toList());
            String last = chunk.isEmpty() ? "" : chunk.remove(chunk.size() - 1);
            lines.addAll(chunk);
            if (!last.equals("ACK")) {
                return lines;
            }
            reply = request("ACK");
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
