package blitz.protocol.tests;

import java.util.ArrayList;
import java.util.List;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A REQ client as the original's: one request, then every frame of its reply. */
final class ZmqClient implements AutoCloseable {
    private final ZContext context = new ZContext();
    private final String endpoint;
    private ZMQ.Socket socket;

    ZmqClient(int port) {
        this.endpoint = "tcp://127.0.0.1:" + port;
        open();
    }

    private void open() {
        socket = context.createSocket(SocketType.REQ);
        socket.setLinger(0);
        socket.setReceiveTimeOut(5_000);
        socket.connect(endpoint);
    }

    /** @return the reply's frames, or {@code null} (and a fresh socket) when none came within the timeout */
    List<String> frames(byte[] request, int timeoutMs) {
        socket.setReceiveTimeOut(timeoutMs);
        socket.send(request);
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
