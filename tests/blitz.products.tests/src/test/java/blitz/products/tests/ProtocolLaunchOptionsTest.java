// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The launch script's protocol options end to end: {@code bin/blitz-runtime --curve --token-file F
 * --port P} serves CURVE with a token on P. A client with the runtime's public key ({@code protocol:key},
 * the same as in {@code DATA/protocol-keys}) and the token starts, stops and downloads a session; a
 * plain client gets no reply, a wrong token {@code ERROR 6}; the token shows neither in the runtime's
 * output nor on its command line. Launched again without the options, the runtime is plain and open on
 * loopback again: the options hold only while given.
 */
class ProtocolLaunchOptionsTest {
    private static final Pattern PUBLIC_KEY = Pattern.compile("^public-key=(\\S{40})$", Pattern.MULTILINE);

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void curveAndATokenFromAFileGuardTheProtocol(@TempDir Path data, @TempDir Path tmp) throws Exception {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        Path tokenFile = tmp.resolve("protocol-token");
        Files.writeString(tokenFile, token + "\n", StandardCharsets.US_ASCII);

        try (FaultRuntime runtime = FaultRuntime.start(data, tmp.resolve("run-1"), "--curve", "--token-file", tokenFile.toString())) {
            String serverKey = runtime.shell("protocol:key").lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst()
                    .orElseThrow();
            Matcher stored = PUBLIC_KEY.matcher(Files.readString(data.resolve("protocol-keys"), StandardCharsets.US_ASCII));
            assertTrue(stored.find(), "the key pair is in the data folder");
            assertEquals(stored.group(1), serverKey, "protocol:key prints the key file's public key");
            assertTrue(runtime.output().contains("(token required) (CURVE, server public key " + serverKey + ")"),
                    () -> "the protocol says it is guarded:\n" + runtime.output());

            assertNull(plainReply(runtime.port(), "LOGGING"), "a client without CURVE gets no reply");
            try (LoggerClient client = runtime.client(serverKey, token)) {
                assertEquals("ACK", client.request("START"));
                Thread.sleep(1_500);
                assertEquals("ACK", client.request("STOP"));
                List<long[]> sessions = FaultRuntime.sessions(client.request("SESSIONS"));
                assertEquals(1, sessions.size());
                long stored1 = sessions.get(0)[3];
                assertTrue(stored1 > 0, "messages stored: " + stored1);
                long downloaded = client.download(1).stream().filter(l -> l.matches("(?i)08[0-9a-f]{26,}")).count();
                assertEquals(stored1, downloaded, "the session downloads whole over CURVE");
            }
            try (LoggerClient wrongToken = runtime.client(serverKey, token + "x")) {
                String refused = wrongToken.request("LOGGING");
                assertTrue(refused.startsWith("ERROR 6"), refused);
            }

            assertFalse(runtime.output().contains(token), "the token is not in the runtime's output");
            String commandLine = runtime.commandLine();
            assertTrue(commandLine.contains("-Dblitz.protocol.tokenFile=" + tokenFile), commandLine);
            assertFalse(commandLine.contains(token), "the token is not on the command line");
        }

        try (FaultRuntime runtime = FaultRuntime.start(data, tmp.resolve("run-2")); LoggerClient client = runtime.client()) {
            assertEquals("NACK", client.request("LOGGING"), "without the options: plain, no token");
            assertEquals(1, FaultRuntime.sessions(client.request("SESSIONS")).size());
        }
    }

    @Test
    void rejectsABadPortAndAMissingTokenFile(@TempDir Path data) throws Exception {
        assertRefused(data, List.of("--port", "89990"), "--port needs a TCP port (1-65535), got '89990'");
        assertRefused(data, List.of("--port", "none"), "--port needs a TCP port (1-65535), got 'none'");
        assertRefused(data, List.of("--token-file", data.resolve("missing").toString()), "--token-file needs a readable, non-empty file");
    }

    private static void assertRefused(Path data, List<String> options, String message) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data", data.toString()));
        args.addAll(options);
        try (ProductProcess runtime = ProductProcess.start(FaultRuntime.HOME.resolve("bin/blitz-runtime"), args, Map.of())) {
            assertTrue(runtime.waitFor(10), "the script ends at once");
            assertEquals(2, runtime.exitValue(), runtime::output);
            assertTrue(runtime.awaitOutput(out -> out.contains(message), Duration.ofSeconds(5)), runtime::output);
        }
    }

    /** @return the reply to a plain (unencrypted) request, {@code null} when none comes within 3 s */
    private static String plainReply(int port, String request) {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket socket = context.createSocket(SocketType.REQ);
            socket.setLinger(0);
            socket.setReceiveTimeOut(3_000);
            socket.connect("tcp://127.0.0.1:" + port);
            socket.send(request);
            return socket.recvStr();
        }
    }
}
