// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import blitz.model.connection.Endpoint;
import blitz.protocol.wire.Command;

/**
 * One ZeroMQ REQ socket to a runtime, used by a single thread. Implements the "lazy pirate" pattern:
 * a request that gets no reply within the timeout is resent on a fresh socket (a REQ socket cannot
 * send twice in a row), up to the retry count. Multi-frame replies (the original splits long replies
 * into 1024-character frames) are joined. With the endpoint's server key it talks CURVE (encrypted,
 * and only a runtime holding the matching secret key can answer).
 */
final class RequestChannel implements AutoCloseable {
    private final ZContext context = new ZContext();
    private final Endpoint endpoint;
    private final int timeoutMs;
    private final int retries;
    /** This client's own CURVE key pair, made once per channel, when the endpoint has a server key. */
    private final ZMQ.Curve.KeyPair clientKeys;
    private ZMQ.Socket socket;

    RequestChannel(Endpoint endpoint, int timeoutMs, int retries) {
        this.endpoint = endpoint;
        this.timeoutMs = timeoutMs;
        this.retries = retries;
        this.clientKeys = endpoint.serverKey().isPresent() ? ZMQ.Curve.generateKeyPair() : null;
    }

    /** @return the reply, or empty when every attempt timed out */
    Optional<String> request(String message) {
        return request(message, retries);
    }

    /** One attempt only: for requests the original logger never answers (RESET). */
    Optional<String> requestOnce(String message) {
        return request(message, 1);
    }

    private Optional<String> request(String message, int attempts) {
        String wire = endpoint.token().map(token -> Command.AUTH.with(token, message)).orElse(message);
        for (int attempt = 0; attempt < attempts; attempt++) {
            ZMQ.Socket current = socket();
            if (!current.send(wire.getBytes(StandardCharsets.US_ASCII), 0)) {
                reopen();
                continue;
            }
            ZMQ.Poller poller = context.createPoller(1);
            try {
                poller.register(current, ZMQ.Poller.POLLIN);
                if (poller.poll(timeoutMs) > 0 && poller.pollin(0)) {
                    return Optional.of(receiveAll(current));
                }
            } finally {
                poller.close();
            }
            reopen();
        }
        return Optional.empty();
    }

    private static String receiveAll(ZMQ.Socket from) {
        StringBuilder reply = new StringBuilder();
        do {
            byte[] frame = from.recv(0);
            if (frame != null) {
                reply.append(new String(frame, StandardCharsets.US_ASCII));
            }
        } while (from.hasReceiveMore());
        return reply.toString();
    }

    private ZMQ.Socket socket() {
        if (socket == null) {
            socket = context.createSocket(SocketType.REQ);
            socket.setLinger(0);
            // a REQ socket whose handshake fails (a wrong CURVE key) never takes the message: do not block on it
            socket.setSendTimeOut(timeoutMs);
            if (clientKeys != null) {
                socket.setCurveServerKey(ZMQ.Curve.z85Decode(endpoint.serverKey().get()));
                socket.setCurvePublicKey(ZMQ.Curve.z85Decode(clientKeys.publicKey));
                socket.setCurveSecretKey(ZMQ.Curve.z85Decode(clientKeys.secretKey));
            }
            socket.connect("tcp://" + endpoint.host() + ":" + endpoint.port());
        }
        return socket;
    }

    private void reopen() {
        if (socket != null) {
            context.destroySocket(socket);
            socket = null;
        }
    }

    @Override
    public void close() {
        reopen();
        context.close();
    }
}
