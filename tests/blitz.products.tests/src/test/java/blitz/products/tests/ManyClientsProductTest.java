// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients on one runtime product, through real sockets (issue 21): the runtime is started from its
 * launch script on a free port, with a short download expiry and a small client bound
 * ({@code -Dblitz.protocol.conversationTimeoutSeconds}, {@code -Dblitz.protocol.maxClients}), its
 * embedded store holding one finished session of {@value #MESSAGES} messages ({@link SeededStore}).
 * One client's slow download (with the digest read twice, 200 000 messages each time) never stalls
 * another's polling; a client that vanishes in the middle of a download blocks nobody and its download
 * expires in time; a thousand short-lived clients leave the runtime's memory as it was.
 */
class ManyClientsProductTest {
    private static final long SESSION = 1;
    private static final int MESSAGES = 200_000;
    private static final int TIMEOUT_SECONDS = 3;
    private static final int MAX_CLIENTS = 100;
    /** A new client's first request is sent again on a fresh socket after this long without a reply. */
    private static final int CONNECT_MS = 2_000;
    private static final Pattern DIGEST = Pattern.compile("^DIGEST " + SESSION + " (\\d+) ([0-9a-f]{64})$");

    @TempDir
    static Path data;
    @TempDir
    static Path tmp;
    private static ProductProcess runtime;
    private static int port;

    @BeforeAll
    static void startTheRuntimeWithASeededStore() throws Exception {
        SeededStore.write(data, SESSION, MESSAGES);
        port = FreePort.pick();
        runtime = ProductProcess.start(FaultRuntime.HOME.resolve("bin/blitz-runtime"),
                List.of("--console", "--data", data.toString(), "--port", Integer.toString(port)),
                Map.of("BLITZ_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp + " -Dblitz.protocol.conversationTimeoutSeconds="
                        + TIMEOUT_SECONDS + " -Dblitz.protocol.maxClients=" + MAX_CLIENTS));
        assertTrue(runtime.awaitOutput(out -> out.contains("Welcome to Apache Felix Gogo"), Duration.ofSeconds(90)),
                () -> "no shell; output:\n" + runtime.output());
        FaultRuntime.awaitProtocol(runtime, port);
        try (LoggerClient client = new LoggerClient(runtime, port)) {
            List<long[]> sessions = FaultRuntime.sessions(client.connect("SESSIONS", CONNECT_MS, new int[1]));
            assertEquals(1, sessions.size(), "the seeded session is listed");
            assertEquals(MESSAGES, sessions.get(0)[3], "with all its messages");
        }
    }

    @AfterAll
    static void stopTheRuntime() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aSlowDownloadNeverStallsAnotherClientsPolling() throws Exception {
        try (LoggerClient poller = new LoggerClient(runtime, port); LoggerClient downloader = new LoggerClient(runtime, port)) {
            assertEquals("NACK", poller.connect("LOGGING", CONNECT_MS, new int[1]));
            assertEquals("NACK", downloader.connect("LOGGING", CONNECT_MS, new int[1]));
            List<Long> baseline = poll(poller, 50, new AtomicBoolean(true)::get);
            AtomicBoolean downloading = new AtomicBoolean(true);
            CompletableFuture<List<Long>> during = CompletableFuture.supplyAsync(() -> poll(poller, Integer.MAX_VALUE,
                    downloading::get));
            long started = System.nanoTime();
            String digestBefore;
            List<String> lines;
            String digestAfter;
            try {
                digestBefore = downloader.request("DIGEST " + SESSION);
                lines = slowDownload(downloader);
                digestAfter = downloader.request("DIGEST " + SESSION);
            } finally {
                downloading.set(false);
            }
            long downloadMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            List<Long> polled = during.get(60, TimeUnit.SECONDS);

            assertEquals(MESSAGES, lines.size(), "the whole session downloads");
            for (int i = 0; i < MESSAGES; i += 9_973) {
                assertEquals(SeededStore.message(i), lines.get(i), "message " + i + " in its place");
            }
            Matcher digest = DIGEST.matcher(digestBefore);
            assertTrue(digest.matches(), digestBefore);
            assertEquals(MESSAGES, Long.parseLong(digest.group(1)));
            assertEquals(sha256(lines), digest.group(2), "the digest matches the downloaded messages");
            assertEquals(digestBefore, digestAfter);

            long baselineP99 = percentile(baseline, 99);
            long duringP99 = percentile(polled, 99);
            long bound = Math.max(5 * baselineP99, TimeUnit.MILLISECONDS.toNanos(50));
            System.out.printf(Locale.ROOT, "many clients: %d messages downloaded slowly in %d ms (%d chunks, digest read"
                    + " twice) while UPDATE was polled %d times: latency p50/p99/max %s; before the download (%d polls)"
                    + " %s; bound on p99 %.1f ms%n", lines.size(), downloadMs, (MESSAGES + 99) / 100, polled.size(),
                    figures(polled), baseline.size(), figures(baseline), bound / 1e6);
            assertTrue(polled.size() >= downloadMs / 100 / 2, "the poller kept polling: " + polled.size() + " polls");
            assertTrue(duringP99 <= bound, "the poller's p99 during the download, " + duringP99 / 1e6 + " ms, is within "
                    + bound / 1e6 + " ms (baseline p99 " + baselineP99 / 1e6 + " ms)");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aClientGoneInTheMiddleOfADownloadBlocksNobodyAndExpires() throws Exception {
        try (LoggerClient observer = new LoggerClient(runtime, port)) {
            assertEquals("NACK", observer.connect("LOGGING", CONNECT_MS, new int[1]));
            long expiredBefore = stat(observer, "expired");
            long lastAck;
            try (LoggerClient vanishing = new LoggerClient(runtime, port)) {
                String reply = vanishing.connect("DOWNLOAD " + SESSION, CONNECT_MS, new int[1]);
                for (int i = 0; i < 5; i++) {
                    assertTrue(reply.endsWith("\nACK"), reply);
                    reply = vanishing.request("ACK");
                }
                lastAck = System.nanoTime();
            } // closed with no further ACK, as a killed client's socket is

            try (LoggerClient newcomer = new LoggerClient(runtime, port)) {
                long asked = System.nanoTime();
                int[] retries = new int[1];
                assertEquals("NACK", newcomer.connect("LOGGING", CONNECT_MS, retries),
                        "a new client is idle, whatever the other's download");
                long answeredMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
                long expiredAfterMs = -1;
                while (TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lastAck) < 3L * TIMEOUT_SECONDS + 10) {
                    if (stat(newcomer, "expired") > expiredBefore) {
                        expiredAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastAck);
                        break;
                    }
                    Thread.sleep(50);
                }
                System.out.printf(Locale.ROOT, "many clients: a new client's LOGGING answered in %d ms while a download"
                        + " was abandoned; it expired %d ms after its last ACK (configured %d s)%n", answeredMs,
                        expiredAfterMs, TIMEOUT_SECONDS);
                assertTrue(answeredMs < 2_000 || retries[0] > 0, "answered at once: " + answeredMs + " ms");
                assertTrue(expiredAfterMs >= 0, "the abandoned download expired");
                assertTrue(expiredAfterMs <= TIMEOUT_SECONDS * 1_000L + 2_000, "expired within its configured time: "
                        + expiredAfterMs + " ms");
                assertTrue(runtime.output().contains("Logger protocol: the download of session " + SESSION + " by client"),
                        "the expiry is logged");
            }
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aThousandShortLivedClientsLeaveTheMemoryAsItWas() throws Exception {
        long pid = runtime.java().orElseThrow().pid();
        int[] retries = new int[1];
        shortLivedClients(200, retries); // warm: classes loaded, the conversation table full
        long before = ProductProcess.heapAfterGcKb(pid);
        long most = 0;
        try (LoggerClient observer = new LoggerClient(runtime, port)) {
            observer.connect("VERSION", CONNECT_MS, retries);
            for (int round = 0; round < 10; round++) {
                shortLivedClients(100, retries);
                most = Math.max(most, stat(observer, "clients"));
            }
            long after = ProductProcess.heapAfterGcKb(pid);
            long forgotten = stat(observer, "forgotten");
            System.out.printf(Locale.ROOT, "many clients: 1000 short-lived clients: at most %d remembered (bound %d),"
                    + " %d forgotten in all; runtime heap after GC %d KB before, %d KB after (%+d KB); %d first"
                    + " requests sent again on a fresh socket%n", most, MAX_CLIENTS, forgotten, before, after,
                    after - before, retries[0]);
            assertTrue(most <= MAX_CLIENTS, "clients remembered: " + most);
            assertTrue(forgotten >= 1_000, "forgotten: " + forgotten);
            assertTrue(after - before <= 4 * 1024, "the heap grew by " + (after - before) + " KB");
        }
    }

    /** Each client: a fresh REQ socket, one request, closed. */
    private static void shortLivedClients(int count, int[] retries) {
        for (int i = 0; i < count; i++) {
            try (LoggerClient client = new LoggerClient(runtime, port)) {
                String reply = client.connect("VERSION", CONNECT_MS, retries);
                assertTrue(reply.startsWith("VERSION"), reply);
            }
        }
    }

    /** @return the messages of the session, downloaded chunk by chunk with a pause before each ACK */
    private static List<String> slowDownload(LoggerClient client) throws InterruptedException {
        List<String> lines = new ArrayList<>(MESSAGES);
        String reply = client.request("DOWNLOAD " + SESSION);
        while (true) {
            List<String> chunk = new ArrayList<>(reply.lines().toList());
            String last = chunk.isEmpty() ? "" : chunk.remove(chunk.size() - 1);
            lines.addAll(chunk);
            if (!last.equals("ACK")) {
                assertEquals("NACK", last, "the download ends normally");
                return lines;
            }
            Thread.sleep(2);
            reply = client.request("ACK");
        }
    }

    /**
     * Polls {@code UPDATE} ten times a second while {@code go} says so, at most {@code count} times; every
     * reply must be an answer (the runtime is idle: {@code NOSESSION}), never an error.
     *
     * @return the latency of each poll, in ns
     */
    private static List<Long> poll(LoggerClient client, int count, java.util.function.BooleanSupplier go) {
        List<Long> latencies = new ArrayList<>();
        long next = System.nanoTime();
        while (latencies.size() < count && go.getAsBoolean()) {
            long asked = System.nanoTime();
            String reply = client.request("UPDATE");
            latencies.add(System.nanoTime() - asked);
            assertEquals("NOSESSION", reply, "the poller gets its answer, never an error");
            next += TimeUnit.MILLISECONDS.toNanos(100);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return latencies;
                }
            }
        }
        return latencies;
    }

    /** @return a counter of the STATS reply's PROTOCOL line */
    private static long stat(LoggerClient client, String name) {
        String stats = client.request("STATS");
        Matcher matcher = Pattern.compile("\\nPROTOCOL .*\\b" + name + "=(\\d+)").matcher(stats);
        assertTrue(matcher.find(), stats);
        return Long.parseLong(matcher.group(1));
    }

    private static long percentile(List<Long> values, int percent) {
        assertFalse(values.isEmpty(), "no figures");
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    private static String figures(List<Long> latencies) {
        return String.format(Locale.ROOT, "%.2f/%.2f/%.2f ms", percentile(latencies, 50) / 1e6,
                percentile(latencies, 99) / 1e6, latencies.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
    }

    private static String sha256(List<String> lines) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String line : lines) {
            sha.update((line + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
