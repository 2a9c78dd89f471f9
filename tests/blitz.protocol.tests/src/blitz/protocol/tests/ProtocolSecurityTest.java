// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import blitz.model.connection.ConnectionListener;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.protocol.RequestCounts;
import blitz.protocol.RequestHandler;
import blitz.testing.CapturedLog;
import blitz.testing.Osgi;

/**
 * The protocol's defences through a real socket: the per-host lockout after wrong tokens, refusals
 * logged without their content and rate-limited, and CURVE (the right key is answered; a wrong key
 * or none gets no answer and never reaches the protocol).
 */
class ProtocolSecurityTest {
    /** Not an extension: the protocol keeps its test port after the class (deleting it would bind the default 8999). */
    private static final Osgi OSGI = new Osgi();
    private static final String TOKEN = "s3cret-token-7Qx";
    private static final String WRONG_TOKEN_REPLY = "ERROR 6 authentication failed: wrong token";
    private static int port;
    private static Path work;
    private final List<ZmqClient> clients = new ArrayList<>();
    private final CapturedLog log = new CapturedLog("blitz.protocol");

    @BeforeAll
    static void freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        work = Files.createDirectories(Path.of(System.getProperty("user.home"), "security"));
        OSGI.configure("blitz.protocol", Map.of("port", port));
        ProtocolBundle.start();
    }

    @BeforeEach
    void captureLog() {
        log.attach();
    }

    @AfterEach
    void closeClients() {
        log.detach();
        clients.forEach(ZmqClient::close);
    }

    @AfterAll
    static void plainConfiguration() {
        OSGI.configure("blitz.protocol", Map.of("port", port));
    }

    private static void configure(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("port", port);
        properties.put("reconfigured", System.nanoTime()); // a new server instance every time
        OSGI.configure("blitz.protocol", properties);
    }

    private ZmqClient client(String serverKey) {
        ZmqClient client = new ZmqClient(port, serverKey);
        clients.add(client);
        return client;
    }

    /**
     * Waits until the server configured with this (test-unique) token answers: the one before it, plain or
     * with another token, refuses one of the two requests.
     */
    private static void awaitServerWithToken(ZmqClient client, String token) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> plain = client.frames("VERSION".getBytes(StandardCharsets.US_ASCII), 500);
            List<String> authenticated = client.frames(("AUTH " + token + " VERSION").getBytes(StandardCharsets.US_ASCII), 500);
            if (plain != null && String.join("", plain).startsWith("ERROR 6") && authenticated != null
                    && String.join("", authenticated).startsWith("VERSION")) {
                return;
            }
        }
        throw new AssertionError("the server with the new token did not answer");
    }

    @Test
    void wrongTokensLockTheHostOutForAWhileWithAClearError() throws InterruptedException {
        configure(Map.of(".token", TOKEN, "lockoutAttempts", 3, "lockoutWindowSeconds", 60, "lockoutSeconds", 2));
        ZmqClient client = client(null);
        awaitServerWithToken(client, TOKEN);
        RequestCounts before = Osgi.await(RequestHandler.class).counts();
        assertEquals(WRONG_TOKEN_REPLY, client.request("AUTH guess-1 VERSION"));
        assertTrue(client.request("VERSION").startsWith("ERROR 6 authentication required"), "no token: not a guess");
        assertEquals(WRONG_TOKEN_REPLY, client.request("AUTH guess-2 VERSION"));
        String locked = client.request("AUTH guess-3 VERSION");
        assertTrue(locked.matches("ERROR 7 locked out: too many wrong tokens from 127\\.0\\.0\\.1; retry in [12] s"), locked);
        assertTrue(client.request("AUTH " + TOKEN + " VERSION").startsWith("ERROR 7"), "even the right token waits");
        LoggerConnection connection = Osgi.await(LoggerConnection.class);
        try {
            assertEquals(ConnectionStatus.AUTHENTICATION_FAILED,
                    connection.connect(new Endpoint("127.0.0.1", port, Optional.of(TOKEN))), "the workbench says why");
        } finally {
            connection.disconnect();
        }

        RequestHandler handler = Osgi.await(RequestHandler.class);
        assertTrue(handler.reply(("AUTH " + TOKEN + " VERSION").getBytes(StandardCharsets.US_ASCII), "192.0.2.7")
                .startsWith("VERSION"), "another host is not locked out");
        RequestCounts counts = handler.counts();
        assertEquals(3, counts.wrongToken(), counts.toString());
        assertEquals(1, counts.missingToken() - before.missingToken(), counts.toString());
        assertTrue(counts.lockedOut() >= 1, counts.toString());

        Thread.sleep(2_100);
        assertTrue(client.request("AUTH " + TOKEN + " VERSION").startsWith("VERSION"), "the lockout ends");
        assertTrue(log.text().contains("from 127.0.0.1: too many wrong tokens: host locked out"), log.text());
        log.assertNeverContains(TOKEN, "guess-");
    }

    @Test
    void refusalsAreLoggedWithoutContentAndRateLimited() {
        String token = TOKEN + "-2";
        configure(Map.of(".token", token, "lockoutAttempts", 0));
        ZmqClient client = client(null);
        awaitServerWithToken(client, token);
        log.clear(); // the refusals of the previous server (and this one's first 'no token') while it started
        RequestCounts before = Osgi.await(RequestHandler.class).counts();
        for (int i = 0; i < 40; i++) {
            assertEquals(WRONG_TOKEN_REPLY, client.request("AUTH guess-" + i + " SESSIONS"));
            assertTrue(client.request("DELETE 1").startsWith("ERROR 6"));
        }
        char[] huge = new char[5_000];
        Arrays.fill(huge, 'T');
        assertTrue(client.request("AUTH " + token + " " + new String(huge)).startsWith("ERROR 4"));
        assertTrue(client.frames(("AUTH " + token + " ST\u00ffRT").getBytes(StandardCharsets.ISO_8859_1), 5_000).get(0)
                .startsWith("ERROR 4"));
        assertEquals("NACK", client.request("AUTH " + token + " LOGGING"), "the right token still works");

        assertEquals(1, logLines("from 127.0.0.1: wrong token"), log.text());
        assertTrue(logLines("from 127.0.0.1: no token") <= 1, log.text());
        assertEquals(1, logLines("not printable ASCII"), log.text());
        assertEquals(1, logLines("longer than the limit"), log.text());
        assertTrue(logLines("Logger protocol refused") <= 6, "40 + 40 refusals, a handful of lines: " + log.text());
        log.assertNeverContains(token, "guess-", "SESSIONS", "DELETE", "TTTT");
        RequestCounts counts = Osgi.await(RequestHandler.class).counts();
        assertEquals(40, counts.wrongToken(), counts.toString());
        assertEquals(40, counts.missingToken() - before.missingToken(), counts.toString());
        assertEquals(1, counts.tooLong(), counts.toString());
        assertEquals(1, counts.notAscii(), counts.toString());
        String stats = client.request("AUTH " + token + " STATS");
        assertTrue(stats.contains("\nPROTOCOL requests=") && stats.contains(" wrongToken=40 "), stats);
    }

    @Test
    void curveAnswersTheRightKeyOnlyAndKeepsTheKeyPrivate() throws Exception {
        Path keyFile = work.resolve("curve-" + System.nanoTime()).resolve("protocol-keys");
        configure(Map.of("curve", true, "keyFile", keyFile.toString()));
        Osgi.eventually("key pair generated", () -> Files.exists(keyFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        Properties keys = new Properties();
        try (Reader reader = Files.newBufferedReader(keyFile)) {
            keys.load(reader);
        }
        String publicKey = keys.getProperty("public-key");
        assertTrue(Endpoint.isCurveKey(publicKey), publicKey);
        assertEquals(publicKey, shellKeyCommand().lines().findFirst().orElseThrow(), "protocol:key prints the public key");
        assertFalse(shellKeyCommand().contains(keys.getProperty("secret-key")), "never the secret key");

        ZmqClient right = client(publicKey);
        right.awaitReply("VERSION", reply -> reply.startsWith("VERSION"));
        assertTrue(log.text().contains("CURVE, server public key " + publicKey), log.text());
        assertEquals("NACK", right.request("LOGGING"));
        RequestHandler handler = Osgi.await(RequestHandler.class);
        long answered = handler.counts().requests();

        assertNull(client(null).frames("VERSION".getBytes(StandardCharsets.US_ASCII), 1_500), "a plain client gets no answer");
        String otherKey = org.zeromq.ZMQ.Curve.generateKeyPair().publicKey;
        assertNull(client(otherKey).frames("VERSION".getBytes(StandardCharsets.US_ASCII), 1_500), "a wrong key gets no answer");
        assertEquals(answered, handler.counts().requests(), "neither reached the protocol");
        assertEquals("NACK", right.request("LOGGING"), "the right client still works");

        // the workbench's connection (blitz.client) with the right and a wrong key
        LoggerConnection connection = Osgi.await(LoggerConnection.class);
        List<String> details = new CopyOnWriteArrayList<>();
        ConnectionListener listener = new ConnectionListener() {
            @Override
            public void statusChanged(ConnectionStatus status, String detail) {
                details.add(status + ": " + detail);
            }
        };
        connection.addListener(listener);
        try {
            assertEquals(ConnectionStatus.CONNECTED, connection.connect(new Endpoint("127.0.0.1", port, Optional.empty(),
                    Optional.of(publicKey))), connection.endpoint().toString());
            assertTrue(connection.capabilities().contains(LoggerConnection.DIGEST), connection.capabilities().toString());
            assertNotEquals(ConnectionStatus.CONNECTED, connection.connect(new Endpoint("127.0.0.1", port, Optional.empty(),
                    Optional.of(otherKey))), "a wrong key never connects");
            assertTrue(details.stream().anyMatch(detail -> detail.contains("check the server key")), details.toString());
        } finally {
            connection.removeListener(listener);
            connection.disconnect();
        }
        log.assertNeverContains(keys.getProperty("secret-key"));
    }

    /** Runs {@code protocol:key} as the Gogo shell does: by reflection on the command service. */
    private static String shellKeyCommand() throws Exception {
        ServiceReference<?>[] refs = Osgi.context().getServiceReferences((String) null, "(osgi.command.scope=protocol)");
        assertTrue(refs != null && refs.length == 1, "one protocol command service");
        Object commands = Osgi.context().getService(refs[0]);
        try {
            return (String) commands.getClass().getMethod("key").invoke(commands);
        } finally {
            Osgi.context().ungetService(refs[0]);
        }
    }

    /**
     * @return how many captured log records contain {@code part} (the protocol logs through SLF4J; the
     *         console appender's copy of each record on stderr is not counted again)
     */
    private long logLines(String part) {
        return log.text().lines().filter(line -> line.matches("(ERROR|WARN|INFO|DEBUG|TRACE) .*") && line.contains(part))
                .count();
    }
}
