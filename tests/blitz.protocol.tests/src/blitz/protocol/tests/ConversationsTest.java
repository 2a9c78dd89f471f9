// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.tests;

import static blitz.testing.Osgi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import blitz.logger.tests.support.RecordedSession;
import blitz.testing.Osgi;

/**
 * A conversation per client through real sockets: one client's download never changes another
 * client's replies, an abandoned download expires, and the clients remembered are bounded.
 */
class ConversationsTest {
    /** Not an extension: the protocol keeps its test port after the class (deleting it would bind the default 8999). */
    private static final Osgi OSGI = new Osgi();
    private static final int MAX_CLIENTS = 20;
    private static int port;
    private static long session;
    private static List<String> stored;

    @BeforeAll
    static void serveWithShortExpiry() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        OSGI.configure("blitz.protocol", Map.of("port", port, "conversationTimeoutSeconds", 1, "maxClients", MAX_CLIENTS));
        ProtocolBundle.start();
        RecordedSession recorded = RecordedSession.record(OSGI, "conversations", 250);
        session = recorded.id();
        stored = recorded.lines();
    }

    @AfterAll
    static void plainConfiguration() {
        OSGI.configure("blitz.protocol", Map.of("port", port));
    }

    private static ZmqClient client() {
        ZmqClient client = new ZmqClient(port);
        client.awaitReply("VERSION", reply -> reply.startsWith("VERSION"));
        return client;
    }

    @Test
    void oneClientsDownloadNeverChangesAnotherClientsReplies() {
        try (ZmqClient downloading = client(); ZmqClient other = client()) {
            String first = downloading.request("DOWNLOAD " + session);
            assertTrue(first.startsWith(stored.get(0) + "\n") && first.endsWith("\nACK"), first);
            assertEquals("NACK", other.request("LOGGING"), "the other client is idle, not downloading");
            assertEquals("NOSESSION", other.request("UPDATE"));
            assertTrue(other.request("SESSIONS").endsWith("NACK"));
            assertTrue(other.request("STATS").startsWith("STATS"));
            String otherDownload = other.request("DOWNLOAD " + session + " FROM 200");
            assertTrue(otherDownload.startsWith(stored.get(200) + "\n") && otherDownload.endsWith("\nNACK"), otherDownload);

            String second = downloading.request("ACK");
            assertTrue(second.startsWith(stored.get(100) + "\n"), "the first client goes on where it was: " + second);
            assertEquals("ERROR 1 DOWNLOADING", downloading.request("LOGGING"), "its own state is unchanged");
            assertEquals("ACK", downloading.request("RESET"));
        }
    }

    @Test
    void anAbandonedDownloadExpiresAndItsClientGetsAClearError() {
        try (ZmqClient abandoning = client()) {
            long expiredBefore = stat(abandoning, "expired");
            assertTrue(abandoning.request("DOWNLOAD " + session).endsWith("\nACK"));
            try (ZmqClient newcomer = client()) {
                assertEquals("NACK", newcomer.request("LOGGING"), "answered at once while the other download waits");
                eventually("the download expired", () -> stat(newcomer, "expired") > expiredBefore);
            }
            String late = abandoning.request("ACK");
            assertTrue(late.startsWith("ERROR 8 download of session " + session + " ended"), late);
            assertEquals("NACK", abandoning.request("LOGGING"), "its conversation is idle again");
            String resumed = abandoning.request("DOWNLOAD " + session + " FROM 100");
            assertTrue(resumed.startsWith(stored.get(100) + "\n"), resumed);
            assertEquals("ACK", abandoning.request("RESET"));
        }
    }

    @Test
    void theClientsRememberedAreBounded() {
        for (int i = 0; i < 5 * MAX_CLIENTS; i++) {
            try (ZmqClient shortLived = new ZmqClient(port)) {
                shortLived.awaitReply("VERSION", reply -> reply.startsWith("VERSION"));
            }
        }
        try (ZmqClient observer = new ZmqClient(port)) {
            assertTrue(stat(observer, "clients") <= MAX_CLIENTS, observer.request("STATS"));
            assertTrue(stat(observer, "forgotten") >= 4 * MAX_CLIENTS - 1, observer.request("STATS"));
        }
    }

    @Test
    void aClientsRequestsAreAnsweredOneAtATimeInOrder() {
        List<String> requests = List.of("DOWNLOAD " + session, "LOGGING", "ACK", "DIGEST " + session, "RESET", "LOGGING");
        try (ZContext context = new ZContext()) {
            ZMQ.Socket dealer = context.createSocket(SocketType.DEALER); // unlike REQ, sends without waiting
            dealer.setLinger(0);
            dealer.setReceiveTimeOut(10_000);
            dealer.connect("tcp://127.0.0.1:" + port);
            for (String request : requests) {
                dealer.sendMore(new byte[0]);
                dealer.send(request);
            }
            List<String> replies = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                assertEquals("", dealer.recvStr(), "the REQ envelope comes back");
                StringBuilder reply = new StringBuilder();
                do {
                    String frame = dealer.recvStr();
                    assertTrue(frame != null, "reply " + i + " of " + requests + ": " + replies);
                    reply.append(frame);
                } while (dealer.hasReceiveMore());
                replies.add(reply.toString());
            }
            assertTrue(replies.get(0).startsWith(stored.get(0) + "\n") && replies.get(0).endsWith("\nACK"), replies.get(0));
            assertEquals("ERROR 1 DOWNLOADING", replies.get(1), "asked while its download goes on");
            assertTrue(replies.get(2).startsWith(stored.get(100) + "\n"), "the ACK came after the DOWNLOAD: " + replies.get(2));
            assertTrue(replies.get(3).startsWith("DIGEST " + session + " 250 "), replies.get(3));
            assertEquals(List.of("ACK", "NACK"), replies.subList(4, 6), "RESET, then idle again");
        }
    }

    /** @return a counter of the STATS reply's PROTOCOL line */
    private static long stat(ZmqClient client, String name) {
        String stats = client.request("STATS");
        Matcher matcher = Pattern.compile("\\nPROTOCOL .*\\b" + name + "=(\\d+)").matcher(stats);
        assertTrue(matcher.find(), stats);
        return Long.parseLong(matcher.group(1));
    }
}
