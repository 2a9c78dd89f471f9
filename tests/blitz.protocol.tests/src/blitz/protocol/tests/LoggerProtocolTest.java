// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.tests;

import static blitz.logger.tests.support.InProcessSource.basicLine;
import static blitz.testing.Osgi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

import blitz.logger.LoggingRuntime;
import blitz.logger.tests.support.InProcessSource;
import blitz.model.server.ServerStore;
import blitz.model.source.LossEvent;
import blitz.model.source.MessageSource;
import blitz.protocol.ProtocolFrames;
import blitz.protocol.wire.LiveLines;
import blitz.protocol.wire.Replies;
import blitz.testing.Osgi;

/**
 * The logger protocol through a real JeroMQ REQ socket, with the original client's request
 * sequences (original-blitz.md section 2.3), the fixed defects, the extensions and the guards.
 */
class LoggerProtocolTest {
    /** Not an extension: the protocol keeps its test port after the class (deleting it would bind the default 8999). */
    private static final Osgi OSGI = new Osgi();
    private static int port;
    private LoggingRuntime runtime;
    /** The store the runtime writes to, to check what it stored. */
    private ServerStore serverStore;
    private InProcessSource source;
    private ServiceRegistration<MessageSource> registration;
    private ZmqClient client;

    @BeforeAll
    static void serveOnAFreePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        baseConfiguration();
        ProtocolBundle.start();
    }

    private static void baseConfiguration() {
        OSGI.configure("blitz.protocol", Map.of("port", port));
    }

    @BeforeEach
    void connect() {
        runtime = Osgi.await(LoggingRuntime.class);
        serverStore = Osgi.await(ServerStore.class);
        runtime.stopSession();
        source = new InProcessSource("proto", 0x08, 0x09);
        registration = OSGI.register(source);
        eventually("source started", source::started);
        client = new ZmqClient(port);
        awaitReply("VERSION", reply -> reply.startsWith("VERSION"));
    }

    @AfterEach
    void disconnect() {
        client.request("RESET");
        client.close();
        runtime.stopSession();
        registration.unregister();
    }

    private void awaitReply(String request, java.util.function.Predicate<String> condition) {
        client.awaitReply(request, condition);
    }

    private long sessionWith(int messages) {
        assertEquals("ACK", client.request("START"));
        long session = runtime.currentSession().orElseThrow();
        for (int i = 0; i < messages; i++) {
            source.emit(basicLine(0x08, i, i % 4096));
        }
        assertEquals("ACK", client.request("STOP"));
        return session;
    }

    @Test
    void idleAndLoggingRepliesAsTheOriginal() {
        assertEquals("NACK", client.request("LOGGING"));
        assertEquals("NOSESSION", client.request("STOP"));
        assertEquals("NOSESSION", client.request("UPDATE"));
        assertEquals("ACK", client.request("START"));
        assertEquals("ACK", client.request("LOGGING"));
        assertEquals("INSESSION", client.request("START"));
        String line = basicLine(0x08, 42, 7);
        source.emit(line);
        awaitReply("UPDATE", line::equals);
        assertEquals("", client.request("UPDATE"), "nothing new since the last UPDATE");
        assertEquals("ERROR 1 LOGGING", client.request("DOWNLOAD 1"));
        assertEquals("ERROR 1 LOGGING", client.request("SESSIONS"));
        assertEquals("ERROR 2 LOGGING", client.request("ASDF"));
        assertEquals("ACK", client.request("STOP"));
        assertEquals("NACK", client.request("LOGGING"));
    }

    @Test
    void sessionListHasFourFieldsPerLineAndANackTrailer() {
        long session = sessionWith(3);
        String reply = client.request("SESSIONS");
        List<String> lines = List.of(reply.split("\n", -1));
        assertEquals("NACK", lines.get(lines.size() - 1));
        assertTrue(lines.contains(serverStore.session(session).orElseThrow().toLine()), reply);
        lines.subList(0, lines.size() - 1).forEach(l -> assertEquals(4, l.split(" ").length, l));
    }

    @Test
    void downloadSendsChunksOfAHundredDrivenByAck() {
        long session = sessionWith(250);
        List<String> stored = serverStore.allFromSession(session);
        List<String> received = new ArrayList<>();
        List<String> frames = client.frames(("DOWNLOAD " + session).getBytes(StandardCharsets.US_ASCII), 5_000);
        // 100 lines of 28 characters are longer than one frame: 1024-character frames, then an empty one
        assertTrue(frames.size() > 2, "framed");
        frames.subList(0, frames.size() - 2).forEach(f -> assertEquals(ProtocolFrames.MAX_FRAME, f.length()));
        assertEquals("", frames.get(frames.size() - 1));
        String reply = String.join("", frames);
        assertTrue(reply.endsWith("\nACK"));
        received.addAll(List.of(reply.split("\n")).subList(0, 100));
        assertEquals("ERROR 1 DOWNLOADING", client.request("START"), "only ACK or RESET while downloading");
        reply = client.request("ACK");
        assertTrue(reply.endsWith("\nACK"));
        received.addAll(List.of(reply.split("\n")).subList(0, 100));
        reply = client.request("ACK");
        assertTrue(reply.endsWith("\nNACK"), "the last chunk");
        received.addAll(List.of(reply.split("\n")).subList(0, 50));
        assertEquals(stored, received);
        assertEquals("NACK", client.request("LOGGING"), "back to IDLE");
        assertEquals("NACK", client.request("DOWNLOAD 999999"), "no data");
        assertEquals("NACK", client.request("DOWNLOAD"), "malformed");
    }

    @Test
    void resetIsAnsweredInEveryState() {
        assertEquals("ACK", client.request("RESET"));
        long session = sessionWith(150);
        assertTrue(client.request("DOWNLOAD " + session).endsWith("\nACK"));
        assertEquals("ACK", client.request("RESET"));
        assertEquals("NACK", client.request("LOGGING"));
        assertEquals("ACK", client.request("START"));
        assertEquals("ACK", client.request("RESET"));
        assertEquals("ACK", client.request("LOGGING"), "RESET never stops logging");
    }

    @Test
    void boardsAndBoardCommandsAndAMissingBoardDoNotKillTheServer() {
        assertEquals("BOARDS 08 09", client.request("BOARDS"));
        assertEquals("ACK", client.request("BOARD 09 850000000000001a"));
        assertEquals(List.of("09850000000000001a"), source.commands());
        assertEquals("NOBOARD 42", client.request("BOARD 42 88"));
        assertTrue(client.request("BOARD 09 ff").startsWith("BOARDERROR 09"));
        assertEquals("NACK", client.request("LOGGING"), "the server keeps answering");
    }

    @Test
    void unknownAndMisplacedCommandsGetErrorTwoOrOne() {
        assertEquals("ERROR 2 IDLE", client.request("ASDF"));
        assertEquals("ERROR 2 IDLE", client.request("STAP"));
        assertEquals("ERROR 2 IDLE", client.request("DL 1"));
        assertEquals("ERROR 2 IDLE", client.request("ACK"));
        assertEquals("ERROR 2 IDLE", client.request(""));
    }

    @Test
    void deleteRemovesTheSession() {
        long session = sessionWith(2);
        assertEquals("ACK", client.request("DELETE " + session));
        assertTrue(serverStore.session(session).isEmpty());
        assertTrue(!client.request("SESSIONS").contains("\n" + session + " ") && !client.request("SESSIONS").startsWith(session + " "));
    }

    @Test
    void extensionsVersionResumeDigestStatsGapsNotifications() throws Exception {
        assertTrue(client.request("VERSION").contains("DOWNLOAD-FROM"));
        assertEquals("ACK", client.request("START"));
        long session = runtime.currentSession().orElseThrow();
        for (int i = 0; i < 230; i++) {
            source.emit(basicLine(0x08, i, i));
        }
        source.loss(new LossEvent(LossEvent.Kind.SEQUENCE_GAP, 0x08, 5, 123, "expected 7, got 12"));
        assertEquals("ACK", client.request("STOP"));
        List<String> stored = serverStore.allFromSession(session);

        String reply = client.request("DOWNLOAD " + session + " FROM 200");
        assertTrue(reply.endsWith("\nNACK"));
        assertEquals(stored.subList(200, 230), List.of(reply.split("\n")).subList(0, 30));

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        stored.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("DIGEST " + session + " 230 " + HexFormat.of().formatHex(sha.digest()), client.request("DIGEST " + session));

        String stats = client.request("STATS");
        assertTrue(stats.contains("\nSOURCE proto state=RUNNING"), stats);
        assertTrue(stats.contains("\nBOARD 08 source=proto"), stats);
        String gaps = client.request("GAPS " + session);
        assertEquals("GAPS " + session + " 1\n123 proto 08 SEQUENCE_GAP 5 expected 7, got 12", gaps);
        assertTrue(client.request("NOTIFICATIONS").contains("Session " + session + " stopped"));
        assertTrue(client.request("GAPS x").startsWith("ERROR 4"));
    }

    @Test
    void downloadFramesAreBoundedInBytesNameTheirPositionAndNeedNoAck() {
        assertTrue(client.request("VERSION").contains(" DOWNLOAD-FRAMES "));
        long session = sessionWith(3_000);
        List<String> stored = serverStore.allFromSession(session);
        List<String> downloaded = new ArrayList<>();
        long next = 0;
        boolean more = true;
        while (more) {
            List<String> frames = client.frames(("DOWNLOAD " + session + " FROM " + next + " MAX 4096")
                    .getBytes(StandardCharsets.US_ASCII), 5_000);
            assertEquals(1, frames.size(), "a download frame is one ZeroMQ frame");
            String[] lines = frames.get(0).split("\n");
            String[] header = lines[0].split(" ");
            assertEquals(List.of("FRAME", "" + session, "" + next), List.of(header).subList(0, 3), lines[0]);
            int count = Integer.parseInt(header[3]);
            assertEquals(count, lines.length - 1, "the header counts the messages");
            assertTrue(frames.get(0).length() - lines[0].length() <= 4096, "bounded in bytes");
            downloaded.addAll(List.of(lines).subList(1, lines.length));
            next += count;
            more = header[4].equals("ACK");
        }
        assertEquals(stored, downloaded, "every message once, in order");
        assertEquals("ACK", client.request("START"), "no download state: any request goes, frames are answered while logging");
        assertEquals("FRAME " + session + " 2999 1 NACK\n" + stored.get(2999),
                client.request("DOWNLOAD " + session + " FROM 2999 MAX 1"), "the last message: the end is NACK");
        assertEquals("ACK", client.request("STOP"));
        assertEquals("FRAME " + session + " 3000 0 NACK", client.request("DOWNLOAD " + session + " FROM 3000 MAX 65536"));
        assertEquals("FRAME 999999 0 0 NACK", client.request("DOWNLOAD 999999 FROM 0 MAX 65536"));
        assertTrue(client.request("DOWNLOAD " + session + " FROM x MAX 1").startsWith("ERROR 4"));
        assertEquals("NACK", client.request("DOWNLOAD " + session + " FROM 0 LIMIT 1"), "the original's malformed DOWNLOAD");
    }

    @Test
    void liveHandsOutEveryLineSinceTheClientsNumberWithTheRunsEpoch() {
        String version = client.request("VERSION");
        assertTrue(version.contains(" LIVE "), version);
        long epoch = Replies.epoch(version).orElseThrow();
        LiveLines position = LiveLines.parse(client.request("LIVE")).orElseThrow();
        assertEquals(epoch, position.epoch());
        assertEquals(0, position.session(), "no session runs");
        assertTrue(position.lines().isEmpty(), "without a number: only where to go on from");

        assertEquals("ACK", client.request("START"));
        long session = runtime.currentSession().orElseThrow();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add(basicLine(0x08, i * 100L, 4000 + i));
        }
        source.emit(sent.toArray(String[]::new));
        LiveLines batch = LiveLines.parse(client.request("LIVE " + position.last())).orElseThrow();
        assertEquals(session, batch.session());
        assertEquals(sent, batch.lines().stream().map(LiveLines.Line::text).toList(), "every line, in order");
        assertEquals(position.last() + 25, batch.last());
        assertEquals(0, batch.missed());
        assertTrue(batch.lines().stream().allMatch(line -> line.ageMs() >= 0 && line.ageMs() < 60_000));
        assertEquals(sent.get(24), client.request("UPDATE"), "the original UPDATE is unchanged: the newest line");
        assertEquals("LIVE " + epoch + " " + session + " " + batch.last() + " 0 0", client.request("LIVE " + batch.last()));
        assertTrue(client.request("NOTIFICATIONS").startsWith("NOTIFICATIONS "), "still the header word first");
        assertEquals(epoch, Replies.epoch(client.request("NOTIFICATIONS")).orElseThrow());
        assertTrue(client.request("LIVE x").startsWith("ERROR 4"));
        assertTrue(client.request("STATS").contains("\nSILENCE boards="));
        assertEquals("ACK", client.request("STOP"));
    }

    @Test
    void badRequestsGetAClearErrorAndNeverDisturbLogging() {
        assertEquals("ACK", client.request("START"));
        long session = runtime.currentSession().orElseThrow();
        source.emit(basicLine(0x08, 1, 1));
        char[] huge = new char[5_000];
        Arrays.fill(huge, 'A');
        assertTrue(client.request(new String(huge)).startsWith("ERROR 4 request longer"));
        List<String> binary = client.frames(new byte[] { 'S', 'T', (byte) 0xff, 0 }, 5_000);
        assertTrue(binary.get(0).startsWith("ERROR 4"), binary.toString());
        assertTrue(client.request("BOARD zz").startsWith("ERROR 4"));
        source.emit(basicLine(0x08, 2, 2));
        assertEquals("ACK", client.request("LOGGING"));
        assertEquals("ACK", client.request("STOP"));
        assertEquals(2, serverStore.messageCount(session));
    }

    @Test
    void withATokenEveryRequestMustAuthenticate() {
        OSGI.configure("blitz.protocol", Map.of("port", port, ".token", "s3cret-token"));
        try {
            awaitReply("VERSION", reply -> reply.startsWith("ERROR 6"));
            assertTrue(client.request("AUTH wrong VERSION").startsWith("ERROR 6"));
            assertTrue(client.request("AUTH").startsWith("ERROR 6"));
            assertEquals("ACK", client.request("AUTH s3cret-token"));
            assertTrue(client.request("AUTH s3cret-token VERSION").startsWith("VERSION 2"));
            assertEquals("NACK", client.request("AUTH s3cret-token LOGGING"));
        } finally {
            baseConfiguration();
            awaitReply("VERSION", reply -> reply.startsWith("VERSION"));
        }
    }

    @Test
    void anOpenAddressWithoutATokenIsRefused() {
        OSGI.configure("blitz.protocol", Map.of("port", port, "bindAddress", "0.0.0.0"));
        try {
            long deadline = System.currentTimeMillis() + 3_000;
            while (System.currentTimeMillis() < deadline
                    && client.frames("VERSION".getBytes(StandardCharsets.US_ASCII), 300) != null) {
                // the old server may still answer until the reconfigured one replaces it
            }
            assertNull(client.frames("VERSION".getBytes(StandardCharsets.US_ASCII), 1_000), "nothing serves");
        } finally {
            baseConfiguration();
            awaitReply("VERSION", reply -> reply.startsWith("VERSION"));
        }
    }
}
