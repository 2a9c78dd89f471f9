// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault, workbench side: the headless client ({@code bin/blitz-client}) is killed with {@code kill -9}
 * in the middle of downloading a large session, and started again on the same data folder. Derby
 * recovers its database, the download continues from the last committed chunk, and the result is
 * verified against the runtime's digest (count and SHA-256 over the raw messages, so a duplicate row
 * would fail it); the exported readings are exactly those of the session's messages, none doubled.
 *
 * <p>The large session is written into Redis in the original's key layout (as the original logger
 * left its sessions), from a real message of the simulated board, numbered 0..n-1; the runtime serves
 * it with {@code --redis}.
 */
class HeadlessClientKillFaultTest {
    static final Path CLIENT_HOME = Path.of(System.getProperty("blitz.client.home", "missing"));
    private static final Pattern REPORT = Pattern.compile("session (\\d+): (\\w+), (\\d+) messages, (\\d+) readings");
    private static final Pattern ROWS = Pattern.compile("(\\d+) rows written");

    @Test
    @Timeout(value = 900, unit = TimeUnit.SECONDS)
    void resumesAndVerifiesTheDownloadAfterKillMinus9(@TempDir Path data, @TempDir Path tmp, @TempDir Path redisFolder,
            @TempDir Path clientData) throws Exception {
        try {
            killAndResume(data, tmp, redisFolder, clientData);
        } catch (Throwable failure) {
            // The temporary data folder is deleted after the test: keep the product's log for the diagnosis.
            ProductLog.attach(failure, clientData.resolve("logs/client.log"), "HeadlessClientKillFaultTest-client.log");
            throw failure;
        }
    }

    private static void killAndResume(Path data, Path tmp, Path redisFolder, Path clientData) throws Exception {
        // large enough that the pipelined, large-frame download is still running when the client is killed
        long messages = FaultRuntime.LONG ? 1_000_000 : 200_000;
        try (RedisProcess redis = RedisProcess.start(redisFolder, "everysec");
                FaultRuntime runtime = FaultRuntime.start(data, tmp, "--redis", redis.uri());
                LoggerClient logger = runtime.client()) {
            // a short real session gives a real board message and the readings each message makes
            assertEquals("ACK", logger.request("START"));
            Thread.sleep(2_000);
            assertEquals("ACK", logger.request("STOP"));
            List<String> real = logger.download(1);
            assertTrue(real.size() > 5, "the short session logged: " + real.size());
            writeSession(redis, 2, real.get(0), messages, tmp.resolve("session-2.resp"));
            List<long[]> sessions = FaultRuntime.sessions(logger.request("SESSIONS"));
            assertEquals(messages, sessions.get(sessions.size() - 1)[3], "the runtime serves the written session");

            long killedAfterMs;
            try (ProductProcess client = startClient(clientData)) {
                connect(client, runtime.port());
                long readingsPerMessage = rows(client.shell("client:export 1 " + tmp.resolve("session-1.csv"),
                        Duration.ofSeconds(60))) / real.size();
                assertTrue(readingsPerMessage > 0);
                Files.writeString(tmp.resolve("readings-per-message"), Long.toString(readingsPerMessage));
                int before = client.output().length();
                long started = System.nanoTime();
                client.send("client:download 2");
                // long enough for the first grouped commit (up to 10 000 messages), short of the whole session
                Thread.sleep(FaultRuntime.LONG ? 20_000 : 8_000);
                killedAfterMs = (System.nanoTime() - started) / 1_000_000;
                assertFalse(client.output().indexOf("g! ", before) >= 0,
                        () -> "the download ended before the kill: " + client.output().substring(before));
                ProcessHandle java = client.handle();
                assertTrue(java.destroyForcibly(), "kill -9 refused");
                java.onExit().get(10, TimeUnit.SECONDS);
            }

            long readingsPerMessage = Long.parseLong(Files.readString(tmp.resolve("readings-per-message")));
            try (ProductProcess client = startClient(clientData)) {
                connect(client, runtime.port());
                long started = System.nanoTime();
                String downloaded = client.shell("client:download 2", Duration.ofSeconds(600));
                long resumedMs = (System.nanoTime() - started) / 1_000_000;
                Matcher report = REPORT.matcher(downloaded);
                assertTrue(report.find(), () -> "no download report: " + downloaded);
                assertEquals("VERIFIED", report.group(2), () -> "count and SHA-256 match the runtime: " + downloaded);
                assertEquals(messages, Long.parseLong(report.group(3)), "every message stored once");
                long decodedAfterRestart = Long.parseLong(report.group(4));
                assertTrue(decodedAfterRestart < messages * readingsPerMessage,
                        "the second run continued the first: it decoded " + decodedAfterRestart + " readings, the session has "
                                + messages * readingsPerMessage);
                long exported = rows(client.shell("client:export 2 " + tmp.resolve("session-2.csv"), Duration.ofSeconds(240)));
                long csvLines = lineCount(tmp.resolve("session-2.csv")) - 1;
                String line = String.format(Locale.ROOT,
                        "fault client-kill-9: sent=%d stored=%d lost=%d duplicated=%d (killed %d ms into the download, "
                                + "the restarted client fetched and decoded the rest (%d readings) in %d ms, %s, %d readings exported)",
                        messages, Long.parseLong(report.group(3)), messages - Long.parseLong(report.group(3)),
                        Math.max(0, exported - messages * readingsPerMessage) / readingsPerMessage, killedAfterMs,
                        decodedAfterRestart, resumedMs, report.group(2), exported);
                System.out.println(line);
                SequenceTally.appendToReport(line);
                assertEquals(messages * readingsPerMessage, exported, "readings exported: none missing, none doubled");
                assertEquals(exported, csvLines, "the CSV holds every reading");
            }
            assertEquals(Map.of(), FaultRuntime.gapTotals(logger.request("GAPS 2"), 2), "the written session has no ledger");
        }
    }

    private static ProductProcess startClient(Path clientData) throws Exception {
        ProductProcess client = ProductProcess.start(CLIENT_HOME.resolve("bin/blitz-client"),
                List.of("--data", clientData.toString()), Map.of());
        if (!client.awaitOutput(out -> out.contains("g! "), Duration.ofSeconds(60))) {
            client.close();
            throw new AssertionError("no shell from the headless client:\n" + client.output());
        }
        // the shell comes up before the client bundles: wait for their commands
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!client.shell("client:status", Duration.ofSeconds(30)).contains("DISCONNECTED")) {
            assertTrue(System.nanoTime() < deadline, () -> "no client commands in the shell:\n" + client.output());
            Thread.sleep(200);
        }
        return client;
    }

    /** Connects to the runtime's logger protocol on {@code port} and mirrors its session list. */
    private static void connect(ProductProcess client, int port) throws Exception {
        String connected = client.shell("client:connect 127.0.0.1 " + port, Duration.ofSeconds(30));
        assertTrue(connected.matches("(?s).*\\bCONNECTED\\b.*"), () -> "the client connects: " + connected);
        client.shell("client:sessions", Duration.ofSeconds(30));
    }

    private static long rows(String exportReply) {
        Matcher rows = ROWS.matcher(exportReply);
        assertTrue(rows.find(), () -> "not an export reply: " + exportReply);
        return Long.parseLong(rows.group(1));
    }

    private static long lineCount(Path file) throws Exception {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    /**
     * Writes session {@code id} with {@code count} numbered copies of {@code template} (sequence
     * number and board clock replaced) in the original logger's Redis layout, through
     * {@code redis-cli --pipe}.
     */
    private static void writeSession(RedisProcess redis, long id, String template, long count, Path commands)
            throws Exception {
        long now = System.currentTimeMillis();
        try (BufferedWriter out = Files.newBufferedWriter(commands, StandardCharsets.UTF_8)) {
            resp(out, List.of("SET", "session_id", Long.toString(id)));
            resp(out, List.of("LPUSH", "sessions", Long.toString(id)));
            resp(out, List.of("SET", "session_" + id + "_start", Long.toString(now - count * 100)));
            resp(out, List.of("SET", "session_" + id + "_end", Long.toString(now)));
            List<String> push = new ArrayList<>(List.of("LPUSH", "session_" + id));
            for (long sequence = 0; sequence < count; sequence++) {
                push.add(template.substring(0, 4) + String.format(Locale.ROOT, "%08x%08x", sequence * 100, sequence)
                        + template.substring(20));
                if (push.size() == 1_002 || sequence == count - 1) {
                    resp(out, push);
                    push.subList(2, push.size()).clear();
                }
            }
        }
        Process pipe = new ProcessBuilder("sh", "-c", "redis-cli -p " + redis.uri().replaceAll(".*:", "") + " --pipe < " + commands)
                .redirectErrorStream(true).start();
        String out = new String(pipe.getInputStream().readAllBytes());
        assertTrue(pipe.waitFor(120, TimeUnit.SECONDS) && pipe.exitValue() == 0, () -> "redis-cli --pipe failed: " + out);
        assertEquals(Long.toString(count), redis.cli("LLEN", "session_" + id));
    }

    private static void resp(BufferedWriter out, List<String> command) throws Exception {
        out.write("*" + command.size() + "\r\n");
        for (String argument : command) {
            out.write("$" + argument.getBytes(StandardCharsets.UTF_8).length + "\r\n" + argument + "\r\n");
        }
    }
}
