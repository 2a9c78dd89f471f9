// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A tiny logging runtime on a real ZeroMQ REP socket on loopback: it answers the connection's probe
 * like an idle original logger and reports boards 08 and 09; anything else gets the original's
 * "unknown command" error. Board commands are acknowledged and every request is kept, in order.
 */
public final class TinyLogger implements AutoCloseable {
    private static final Map<String, String> REPLIES = Map.of("LOGGING", "NACK", "BOARDS", "BOARDS 08 09",
            "SESSIONS", "NACK", "UPDATE", "NOSESSION", "BOARD", "ACK");

    private final ZContext context = new ZContext();
    private final ZMQ.Socket socket = context.createSocket(SocketType.REP);
    private final int port;
    private final Thread loop;
    private volatile boolean running = true;
    private final List<String> requests = new CopyOnWriteArrayList<>();

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
                String line = new String(request, StandardCharsets.US_ASCII);
                requests.add(line);
                String command = line.split(" ")[0];
                socket.send(REPLIES.getOrDefault(command, "ERROR 2IDLE").getBytes(StandardCharsets.US_ASCII), 0);
            }
        }
    }

    /** @return every request received so far, in order */
    public List<String> requests() {
        return requests;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        loop.join(2000);
        context.close();
    }
}
