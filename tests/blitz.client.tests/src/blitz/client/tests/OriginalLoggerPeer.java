// SPDX-License-Identifier: EPL-2.0
package blitz.client.tests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A logger that answers exactly as the original Blitz server did (its state machine, its reply
 * words, its 1024-character framing, its silence after RESET), so the client is tested against the
 * protocol peer that existing installations run. Runs a real ZeroMQ socket on loopback. Like the
 * original's REP socket, which must send before it can receive again, it is wedged for good by a
 * RESET: it never answers again ({@link #isWedged()}); only a restart frees the original.
 */
final class OriginalLoggerPeer implements AutoCloseable {
    private static final int FRAME = 1024;
    private static final int CHUNK = 100;

    private final ZContext context = new ZContext();
    // ROUTER rather than REP: like the original, this peer may leave a request unanswered.
    private final ZMQ.Socket socket = context.createSocket(SocketType.ROUTER);
    private final int port;
    private final Thread loop;
    private final AtomicBoolean answering = new AtomicBoolean(true);
    private volatile boolean running = true;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> sessionLines = new CopyOnWriteArrayList<>();
    private final List<String> liveLines = new CopyOnWriteArrayList<>();
    private volatile List<String> downloadData = List.of();
    private volatile boolean withoutDatabase;
    private volatile boolean wedged;
    /** Chunks still answered before the peer goes silent; negative: no limit. */
    private volatile int chunksBeforeSilence = -1;

    private String state = "IDLE";
    private int liveIndex;
    private int downloadOffset;

    OriginalLoggerPeer() {
        socket.setLinger(0);
        port = socket.bindToRandomPort("tcp://127.0.0.1");
        loop = new Thread(this::serve, "original-logger-peer");
        loop.setDaemon(true);
        loop.start();
    }

    int port() {
        return port;
    }

    List<String> received() {
        return received;
    }

    void setSessions(List<String> lines) {
        sessionLines.clear();
        sessionLines.addAll(lines);
    }

    List<String> liveLines() {
        return List.copyOf(liveLines);
    }

    void setLiveLines(List<String> lines) {
        liveLines.clear();
        liveLines.addAll(lines);
    }

    void setDownloadData(List<String> messages) {
        downloadData = List.copyOf(messages);
    }

    /** Plays the original logger that could not reach its Redis: SESSIONS gets a bare NACK. */
    void setWithoutDatabase(boolean missing) {
        withoutDatabase = missing;
    }

    /** @return whether a RESET wedged this peer: it answers nothing any more, as the original after RESET */
    boolean isWedged() {
        return wedged;
    }

    /** Puts the peer in the middle of a download, as a client killed during one leaves the original. */
    synchronized void leaveDownloading(int position) {
        state = "DOWNLOADING";
        downloadOffset = position;
    }

    /** After {@code chunks} more download chunks the peer answers nothing any more, as a logger that died. */
    void stopAnsweringAfterChunks(int chunks) {
        chunksBeforeSilence = chunks;
    }

    /** While false, requests are read and dropped: the peer looks dead to the client. */
    void setAnswering(boolean answer) {
        answering.set(answer);
    }

    private void serve() {
        ZMQ.Poller poller = context.createPoller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        while (running) {
            if (poller.poll(100) <= 0 || !poller.pollin(0)) {
                continue;
            }
            byte[] identity;
            String text;
            try {
                identity = socket.recv(0);
                socket.recv(0); // the empty delimiter of a REQ envelope
                text = new String(socket.recv(0), StandardCharsets.US_ASCII);
            } catch (RuntimeException closed) {
                return;
            }
            received.add(text);
            String reply = answering.get() && !wedged ? answer(text) : null;
            if (reply != null) {
                send(identity, reply);
            }
            // No reply (RESET, or playing dead): exactly what the original did; the client times out.
        }
        poller.close();
    }

    private void send(byte[] identity, String reply) {
        socket.send(identity, ZMQ.SNDMORE);
        socket.send(new byte[0], ZMQ.SNDMORE);
        if (reply.length() <= FRAME) {
            socket.send(reply.getBytes(StandardCharsets.US_ASCII), 0);
            return;
        }
        for (int start = 0; start < reply.length(); start += FRAME) {
            String frame = reply.substring(start, Math.min(reply.length(), start + FRAME));
            socket.send(frame.getBytes(StandardCharsets.US_ASCII), ZMQ.SNDMORE);
        }
        socket.send(new byte[0], 0);
    }

    private synchronized String answer(String request) {
        String command = request.split(" ")[0];
        if (command.equals("RESET")) {
            wedged = true; // the original's REP socket now waits for ever to send a reply it never makes
        }
        switch (state) {
        case "LOGGING":
            return switch (command) {
            case "UPDATE" -> liveIndex < liveLines.size() ? liveLines.get(liveIndex++) : "";
            case "START" -> "INSESSION";
            case "LOGGING" -> "ACK";
            case "STOP" -> {
                state = "IDLE";
                yield "ACK";
            }
            case "RESET" -> {
                state = "IDLE";
                yield null;
            }
            case "BOARD" -> "ACK";
            default -> isKnown(command) ? "ERROR 1LOGGING" : "ERROR 2LOGGING";
            };
        case "DOWNLOADING":
            if (command.equals("ACK")) {
                return nextChunk();
            }
            if (command.equals("RESET")) {
                state = "IDLE";
                return null;
            }
            return "ERROR 1 DOWNLOAD";
        default:
            return switch (command) {
            case "START" -> {
                state = "LOGGING";
                liveIndex = 0;
                yield "ACK";
            }
            case "LOGGING" -> "NACK";
            case "STOP", "UPDATE" -> "NOSESSION";
            case "SESSIONS" -> withoutDatabase ? "NACK" : String.join("\n", sessionLines) + "\nNACK";
            case "BOARDS" -> "BOARDS 08 09";
            case "BOARD", "DELETE" -> "ACK";
            case "DOWNLOAD" -> {
                if (request.split(" ").length != 2) {
                    yield "NACK";
                }
                if (downloadData.isEmpty()) {
                    yield "NACK";
                }
                state = "DOWNLOADING";
                downloadOffset = 0;
                yield nextChunk();
            }
            case "RESET" -> null;
            default -> isKnown(command) ? "ERROR 1IDLE" : "ERROR 2IDLE";
            };
        }
    }

    private String nextChunk() {
        if (chunksBeforeSilence == 0) {
            answering.set(false);
            return null;
        }
        if (chunksBeforeSilence > 0) {
            chunksBeforeSilence--;
        }
        List<String> chunk = new ArrayList<>(
                downloadData.subList(downloadOffset, Math.min(downloadData.size(), downloadOffset + CHUNK)));
        downloadOffset += chunk.size();
        boolean more = downloadOffset < downloadData.size();
        if (!more) {
            state = "IDLE";
        }
        return String.join("\n", chunk) + (more ? "\nACK" : "\nNACK");
    }

    private static boolean isKnown(String command) {
        return List.of("START", "STOP", "UPDATE", "DOWNLOAD", "BOARD", "LOGGING", "SESSIONS", "RESET", "DELETE")
                .contains(command);
    }

    @Override
    public void close() throws InterruptedException {
        running = false; // ZeroMQ's poll swallows interrupts, so a flag ends the loop
        loop.join(2000);
        context.close();
    }
}
