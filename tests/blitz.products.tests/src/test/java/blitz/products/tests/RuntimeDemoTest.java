package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The README's main command as a user runs it: the runtime product with a simulated board on a socat
 * pty pair and the embedded store, driven through its shell and through the original logger protocol
 * on port 8999, the way an existing Blitz client talks to it.
 */
class RuntimeDemoTest {
    private static final Path HOME = Path.of(System.getProperty("blitz.runtime.home", "missing"));
    private static final Pattern SESSION_LINE = Pattern.compile("^(\\d+) (\\d+) (\\d+|None) (\\d+)$", Pattern.MULTILINE);

    @Test
    void logsASimulatedBoardAndAnswersTheOriginalProtocol(@TempDir Path data) throws Exception {
        try (ProductProcess runtime = ProductProcess.start(HOME.resolve("bin/blitz-runtime"),
                List.of("--console", "--simulate", "8", "--data", data.toString()), Map.of());
                ZContext context = new ZContext()) {
            assertTrue(runtime.awaitOutput(out -> out.contains("Welcome to Apache Felix Gogo"), Duration.ofSeconds(60)),
                    () -> "no shell; output:\n" + runtime.output());
            boolean boardSeen = false;
            for (int attempt = 0; attempt < 40 && !boardSeen; attempt++) {
                int before = runtime.output().length();
                runtime.send("blitz:boards");
                Thread.sleep(500);
                boardSeen = runtime.output().substring(before).contains("Blitz Basic Expansion Board");
            }
            assertTrue(boardSeen, () -> "the simulated board never answered:\n" + runtime.output());

            ZMQ.Socket client = context.createSocket(SocketType.REQ);
            client.setReceiveTimeOut(5000);
            client.connect("tcp://127.0.0.1:8999");
            assertEquals("NACK", request(client, "LOGGING"), "idle, as the original answers");
            assertEquals("BOARDS 08", request(client, "BOARDS"));
            assertEquals("ACK", request(client, "START"));
            assertEquals("ACK", request(client, "LOGGING"));
            Thread.sleep(1500);
            String live = request(client, "UPDATE");
            assertTrue(live.matches("(?i)08[0-9a-f]{26,}"), "a live board line: " + live);
            assertEquals("INSESSION", request(client, "START"));
            assertEquals("ACK", request(client, "STOP"));

            String sessions = request(client, "SESSIONS");
            assertTrue(sessions.endsWith("\nNACK"), sessions);
            Matcher line = SESSION_LINE.matcher(sessions);
            assertTrue(line.find(), sessions);
            assertEquals("1", line.group(1));
            long count = Long.parseLong(line.group(4));
            assertTrue(count > 0, "messages stored: " + sessions);

            StringBuilder downloaded = new StringBuilder(request(client, "DOWNLOAD 1"));
            while (downloaded.toString().endsWith("\nACK")) {
                downloaded.append('\n').append(request(client, "ACK"));
            }
            long lines = downloaded.toString().lines().filter(l -> l.matches("(?i)08[0-9a-f]{26,}")).count();
            assertEquals(count, lines, "every stored message downloads");
        }
    }

    /** One request, one reply, frames joined as the original client does. */
    private static String request(ZMQ.Socket socket, String message) {
        socket.send(message.getBytes(StandardCharsets.US_ASCII), 0);
        StringBuilder reply = new StringBuilder();
        do {
            byte[] frame = socket.recv(0);
            if (frame == null) {
                throw new AssertionError("no reply to " + message);
            }
            reply.append(new String(frame, StandardCharsets.US_ASCII));
        } while (socket.hasReceiveMore());
        return reply.toString();
    }
}
