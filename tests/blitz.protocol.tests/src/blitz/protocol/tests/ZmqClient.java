// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A REQ client as the original's: one request, then every frame of its reply. */
final class ZmqClient implements AutoCloseable {
    private final ZContext context = new ZContext();
    private final String endpoint;
    private final String serverKey;
    private ZMQ.Socket socket;

    ZmqClient(int port) {
        this(port, null);
    }

    /** @param serverKey the server's CURVE public key (Z85), {@code null} for a plain client */
    ZmqClient(int port, String serverKey) {
        this.endpoint = "tcp://127.0.0.1:" + port;
        this.serverKey = serverKey;
        open();
    }

    private void open() {
        socket = context.createSocket(SocketType.REQ);
        socket.setLinger(0);
        socket.setReceiveTimeOut(5_000);
        socket.setSendTimeOut(5_000);
        if (serverKey != null) {
            ZMQ.Curve.KeyPair own = ZMQ.Curve.generateKeyPair();
            socket.setCurveServerKey(ZMQ.Curve.z85Decode(serverKey));
            socket.setCurvePublicKey(ZMQ.Curve.z85Decode(own.publicKey));
            socket.setCurveSecretKey(ZMQ.Curve.z85Decode(own.secretKey));
        }
        socket.connect(endpoint);
    }

    /** @return the reply's frames, or {@code null} (and a fresh socket) when none came within the timeout */
    List<String> frames(byte[] request, int timeoutMs) {
        socket.setReceiveTimeOut(timeoutMs);
        socket.setSendTimeOut(timeoutMs);
        if (!socket.send(request)) {
            socket.close();
            open();
            return null; // a failed CURVE handshake never takes the request
        }
        List<String> frames = new ArrayList<>();
        do {
            String frame = socket.recvStr();
            if (frame == null) {
                socket.close();
                open();
                return null;
            }
            frames.add(frame);
        } while (socket.hasReceiveMore());
        return frames;
    }

    /** Sends until the reply satisfies the condition (the server restarts when it is reconfigured). */
    void awaitReply(String request, Predicate<String> condition) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> frames = frames(request.getBytes(ZMQ.CHARSET), 500);
            if (frames != null && condition.test(String.join("", frames))) {
                return;
            }
        }
        throw new AssertionError("no suitable reply to " + request);
    }

    /** @return the whole reply, frames concatenated as the original client did */
    String request(String request) {
        List<String> frames = frames(request.getBytes(ZMQ.CHARSET), 5_000);
        if (frames == null) {
            throw new AssertionError("no reply to " + request);
        }
        return String.join("", frames);
    }

    @Override
    public void close() {
        context.close();
    }
}
