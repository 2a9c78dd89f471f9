package blitz.products.tests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A client of the original logger protocol on 127.0.0.1:8999, as existing Blitz clients talk to the
 * runtime: one request, one reply, frames joined. A request that gets no reply within the timeout
 * fails the test and leaves the client usable (a fresh socket is opened for the next request).
 */
final class LoggerClient implements AutoCloseable {
    private static final String ENDPOINT = "tcp://127.0.0.1:8999";
    private static final int TIMEOUT_MS = 15_000;

    private final ZContext context = new ZContext();
    private final int timeoutMs;
    private ZMQ.Socket socket;

    LoggerClient() {
        this(TIMEOUT_MS);
    }

    /** @param timeoutMs how long a request waits for its reply (longer for a runtime still starting) */
    LoggerClient(int timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    String request(String message) {
        if (socket == null) {
            socket = context.createSocket(SocketType.REQ);
            socket.setReceiveTimeOut(timeoutMs);
            socket.setLinger(0);
            socket.connect(ENDPOINT);
        }
        socket.send(message.getBytes(StandardCharsets.US_ASCII), 0);
        StringBuilder reply = new StringBuilder();
        do {
            byte[] frame = socket.recv(0);
            if (frame == null) {
                context.destroySocket(socket);
                socket = null;
                throw new AssertionError("no reply to " + message + " within " + timeoutMs + " ms");
            }
            reply.append(new String(frame, StandardCharsets.US_ASCII));
        } while (socket.hasReceiveMore());
        return reply.toString();
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
