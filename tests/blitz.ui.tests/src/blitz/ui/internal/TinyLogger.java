package blitz.ui.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A tiny logging runtime on a real ZeroMQ REP socket on loopback: it answers the connection's probe
 * like an idle original logger and reports boards 08 and 09; anything else gets the original's
 * "unknown command" error.
 */
public final class TinyLogger implements AutoCloseable {
    private static final Map<String, String> REPLIES = Map.of("LOGGING", "NACK", "BOARDS", "BOARDS 08 09",
            "SESSIONS", "NACK", "UPDATE", "NOSESSION");

    private final ZContext context = new ZContext();
    private final ZMQ.Socket socket = context.createSocket(SocketType.REP);
    private final int port;
    private final Thread loop;
    private volatile boolean running = true;

    public TinyLogger() {
        socket.setLinger(0);
        socket.setReceiveTimeOut(100);
        port = socket.bindToRandomPort("tcp://127.0.0.1");
        loop = new Thread(this::serve, "tiny-logger");
        loop.setDaemon(true);
        loop.start();
    }

    public int port() {
        return port;
    }

    private void serve() {
        while (running) {
            byte[] request;
            try {
                request = socket.recv(0);
            } catch (RuntimeException closed) {
                return;
            }
            if (request != null) {
                String command = new String(request, StandardCharsets.US_ASCII).split(" ")[0];
                socket.send(REPLIES.getOrDefault(command, "ERROR 2IDLE").getBytes(StandardCharsets.US_ASCII), 0);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        loop.join(2000);
        context.close();
    }
}
