// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command as a user runs it: the runtime product with a simulated board on a socat
 * pty pair and the embedded store, driven through its shell and through the original logger protocol
 * on port 8999, the way an existing Blitz client talks to it. The one products test on the default
 * port (the others pass {@code --port}): it fails when another process holds 8999.
 */
class RuntimeDemoTest {
    private static final Path HOME = Path.of(System.getProperty("blitz.runtime.home", "missing"));
    private static final Pattern SESSION_LINE = Pattern.compile("^(\\d+) (\\d+) (\\d+|None) (\\d+)$", Pattern.MULTILINE);

    @Test
    void logsASimulatedBoardAndAnswersTheOriginalProtocol(@TempDir Path data) throws Exception {
        try (ProductProcess runtime = ProductProcess.start(HOME.resolve("bin/blitz-runtime"),
                List.of("--console", "--simulate", "8", "--data", data.toString()), Map.of());
                LoggerClient client = new LoggerClient(runtime, LoggerClient.DEFAULT_PORT)) {
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
            FaultRuntime.awaitProtocol(runtime, LoggerClient.DEFAULT_PORT);

            assertEquals("NACK", client.request("LOGGING"), "idle, as the original answers");
            assertEquals("BOARDS 08", client.request("BOARDS"));
            assertEquals("ACK", client.request("START"));
            assertEquals("ACK", client.request("LOGGING"));
            Thread.sleep(1500);
            String live = client.request("UPDATE");
            assertTrue(live.matches("(?i)08[0-9a-f]{26,}"), "a live board line: " + live);
            assertEquals("INSESSION", client.request("START"));
            assertEquals("ACK", client.request("STOP"));

            String sessions = client.request("SESSIONS");
            assertTrue(sessions.endsWith("\nNACK"), sessions);
            Matcher line = SESSION_LINE.matcher(sessions);
            assertTrue(line.find(), sessions);
            assertEquals("1", line.group(1));
            long count = Long.parseLong(line.group(4));
            assertTrue(count > 0, "messages stored: " + sessions);

            long lines = client.download(1).stream().filter(l -> l.matches("(?i)08[0-9a-f]{26,}")).count();
            assertEquals(count, lines, "every stored message downloads");
        }
    }
}
