// SPDX-License-Identifier: EPL-2.0
package blitz.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A raw protocol download, with no decoding and no storing: what the runtime and the wire deliver.
 *   RawDownload frames|lockstep HOST PORT SESSION NAME
 * {@code frames}: the DOWNLOAD-FRAMES extension (4 MiB frames, as the client asks); {@code lockstep}: the
 * original's DOWNLOAD and its 100-message ACK loop. Counts the messages (lines) received and prints
 * {@code RESULT download.raw.<mode>.<NAME> <messages/s> msg/s messages=<n>}.
 */
public final class RawDownload {
    private static final int FRAME_BYTES = 4 << 20;

    private RawDownload() {
    }

    public static void main(String[] args) {
        boolean frames = args[0].equals("frames");
        long session = Long.parseLong(args[3]);
        try (ZContext context = new ZContext()) {
            ZMQ.Socket socket = context.createSocket(SocketType.REQ);
            socket.setReceiveTimeOut(30_000);
            socket.connect("tcp://" + args[1] + ":" + args[2]);
            long start = System.nanoTime();
            long messages = frames ? frames(socket, session) : lockStep(socket, session);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT download.raw.%s.%s %.0f msg/s messages=%d seconds=%.2f%n",
                    args[0], args[4], messages / seconds, messages, seconds);
        }
    }

    private static long frames(ZMQ.Socket socket, long session) {
        long next = 0;
        while (true) {
            String reply = request(socket, "DOWNLOAD " + session + " FROM " + next + " MAX " + FRAME_BYTES);
            String[] header = reply.substring(0, reply.indexOf('\n') < 0 ? reply.length() : reply.indexOf('\n')).split(" ");
            next += Long.parseLong(header[3]);
            if (!header[4].equals("ACK")) {
                return next;
            }
        }
    }

    private static long lockStep(ZMQ.Socket socket, long session) {
        long messages = 0;
        String request = "DOWNLOAD " + session;
        while (true) {
            String reply = request(socket, request);
            messages += lines(reply) - 1;
            if (!reply.endsWith("\nACK")) {
                return messages;
            }
            request = "ACK";
        }
    }

    private static String request(ZMQ.Socket socket, String request) {
        socket.send(request.getBytes(StandardCharsets.US_ASCII), 0);
        StringBuilder reply = new StringBuilder();
        do {
            byte[] frame = socket.recv(0);
            if (frame == null) {
                throw new IllegalStateException("no reply to " + request);
            }
            reply.append(new String(frame, StandardCharsets.US_ASCII));
        } while (socket.hasReceiveMore());
        return reply.toString();
    }

    private static int lines(String reply) {
        int lines = 1;
        for (int i = reply.indexOf('\n'); i >= 0; i = reply.indexOf('\n', i + 1)) {
            lines++;
        }
        return lines;
    }
}
