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
 * fails the test with the runtime's threads and output (what it was doing instead of answering) and
 * leaves the client usable (a fresh socket is opened for the next request).
 */
final class LoggerClient implements AutoCloseable {
    private static final String ENDPOINT = "tcp://127.0.0.1:8999";
    /**
     * A liveness guard, not a latency goal: START drains and restarts every source and forces the
     * store's files to disk, usually within 0.5 s, but a machine still busy writing the build's output
     * can stretch that far.
     */
    private static final int TIMEOUT_MS = 60_000;

    private final ZContext context = new ZContext();
    private final ProductProcess runtime;
    private ZMQ.Socket socket;

    /** @param runtime the runtime the requests go to, looked at when one gets no reply */
    LoggerClient(ProductProcess runtime) {
        this.runtime = runtime;
    }

    String request(String message) {
        if (socket == null) {
            socket = context.createSocket(SocketType.REQ);
            socket.setReceiveTimeOut(TIMEOUT_MS);
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
                throw new AssertionError("no reply to " + message + " within " + TIMEOUT_MS + " ms\n" + runtime.diagnostics());
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
