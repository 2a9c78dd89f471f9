// SPDX-License-Identifier: EPL-2.0
package blitz.client.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import blitz.model.SessionSummary;
import blitz.model.connection.ConnectionListener;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.model.connection.SessionTransfer;
import blitz.model.connection.LoggerConnection.DownloadException;
import blitz.testing.Osgi;

/** The connection service against a peer that answers exactly as the original Blitz logger. */
class LoggerConnectionTest {
    private static LoggerConnection connection;
    private static SessionTransfer transfer;

    private OriginalLoggerPeer peer;
    private final RecordingListener events = new RecordingListener();

    @BeforeAll
    static void configureFastTimeouts() throws Exception {
        connection = ClientServices.configuredConnection();
        transfer = ClientServices.configuredTransfer();
    }

    @BeforeEach
    void startPeer() {
        peer = new OriginalLoggerPeer();
        connection.addListener(events);
    }

    @AfterEach
    void stopPeer() throws Exception {
        connection.removeListener(events);
        connection.disconnect();
        peer.close();
    }

    /** @return {@code count} board-8 messages numbered from 0 */
    private static List<String> messages(int count) {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(String.format("08a0%08x7ff80100fff00000", i));
        }
        return messages;
    }

    /** @return what the peer received, less the session list asked for when the link comes up */
    private List<String> withoutListRefresh() {
        return peer.received().stream().filter(request -> !request.equals("SESSIONS")).toList();
    }

    /** @return the requests of the probe, each once (a slow reply on a cold JVM is asked for again) */
    private List<String> probe() {
        return withoutListRefresh().stream().distinct().toList();
    }

    private void connect() {
        assertEquals(ConnectionStatus.CONNECTED, connection.connect(Endpoint.of("127.0.0.1", peer.port())));
    }

    @Test
    void shouldProbeLikeTheOriginalClientAndFindNoExtensions() {
        connect();
        assertFalse(connection.isLogging());
        assertTrue(connection.capabilities().isEmpty(), "the original logger has no extensions");
        // a reply slower than the tests' 300 ms timeout (a cold JVM) is asked for again: count each request once
        assertEquals(List.of("LOGGING", "VERSION"), probe());
    }

    @Test
    void shouldReportConnectedOnlyOnceVersionWasAnswered() {
        List<List<String>> askedWhenConnected = new CopyOnWriteArrayList<>();
        ConnectionListener watcher = new ConnectionListener() {
            @Override
            public void statusChanged(ConnectionStatus status, String detail) {
                if (status == ConnectionStatus.CONNECTED) {
                    askedWhenConnected.add(List.copyOf(peer.received()));
                }
            }
        };
        connection.addListener(watcher);
        try {
            connect();
        } finally {
            connection.removeListener(watcher);
        }
        assertEquals(1, askedWhenConnected.size(), "one CONNECTED: " + askedWhenConnected);
        assertTrue(askedWhenConnected.get(0).contains("VERSION"),
                "capabilities are known when CONNECTED is reported: " + askedWhenConnected);
    }

    @Test
    void shouldPollLiveLinesWhileLoggingAndIgnoreNonBoardReplies() throws Exception {
        peer.setLiveLines(List.of("08a0000003e87ff80100fff00000", "NACK", "09a0000007d0012c00c800c80000"));
        connect();
        assertTrue(connection.start().ok());
        assertTrue(connection.isLogging());
        assertTrue(Osgi.waitFor(() -> events.liveLines.size() >= 2, 5000), "live lines: " + events.liveLines);
        assertEquals(List.of("08a0000003e87ff80100fff00000", "09a0000007d0012c00c800c80000"),
                new ArrayList<>(events.liveLines), "NACK is not a board line (a defect of the original client)");
        assertEquals("INSESSION", connection.start().text());
    }

    @Test
    void shouldRefreshTheSessionListAfterStop() throws Exception {
        peer.setSessions(List.of("2 1395000002000 None 0", "1 1395000000000.0 1395000001000.0 12"));
        connect();
        connection.start();
        assertTrue(connection.stop().ok());
        assertFalse(connection.isLogging());
        assertTrue(Osgi.waitFor(() -> !events.sessions.isEmpty(), 2000));
        List<SessionSummary> sessions = events.sessions.get(events.sessions.size() - 1);
        assertEquals(2, sessions.size());
        assertEquals(OptionalLong.empty(), sessions.get(0).end(), "an unfinished session ends 'None'");
        assertEquals(new SessionSummary(1, 1395000000000L, OptionalLong.of(1395000001000L), 12), sessions.get(1));
    }

    @Test
    void shouldTellAFailedSessionListFromAnEmptyOne() {
        connect();
        assertEquals(Optional.of(List.of()), transfer.sessions(), "no sessions yet");
        peer.setWithoutDatabase(true);
        assertEquals(Optional.empty(), transfer.sessions(), "a bare NACK means the list is unknown");
        peer.setAnswering(false);
        assertEquals(Optional.empty(), transfer.sessions(), "no answer means the list is unknown");
    }

    @Test
    void shouldDownloadEveryChunkInOrderJoiningLongReplies() throws Exception {
        List<String> messages = messages(250);
        peer.setDownloadData(messages);
        connect();
        List<List<String>> chunks = new ArrayList<>();
        long delivered = transfer.download(3, 0, chunks::add, () -> false);
        assertEquals(250, delivered);
        assertEquals(List.of(100, 100, 50), chunks.stream().map(List::size).toList());
        assertEquals(messages, chunks.stream().flatMap(List::stream).toList(),
                "replies over 1024 characters arrive in frames and are joined");
        assertEquals(List.of("DOWNLOAD 3", "ACK", "ACK"), withoutListRefresh().subList(2, 5));
    }

    @Test
    void shouldStopACancelledDownloadAndFreeTheOriginalWithoutReset() throws Exception {
        List<String> messages = messages(300);
        peer.setDownloadData(messages);
        connect();
        List<String> got = new ArrayList<>();
        long delivered = transfer.download(3, 0, got::addAll, () -> got.size() >= 100);
        assertEquals(100, delivered);
        assertEquals(100, got.size(), "the chunks read to free the logger are not delivered");
        assertFalse(peer.received().contains("RESET"), "RESET would wedge the original: " + peer.received());
        assertFalse(peer.isWedged());
        assertEquals(List.of("DOWNLOAD 3", "ACK", "ACK"), withoutListRefresh().subList(2, 5), "ACK to the last chunk");
        assertEquals(List.of(8, 9), connection.boards(), "the original answers as before");
    }

    @Test
    void shouldFreeAnOriginalLeftDownloadingByAnotherClientWithAcksNotReset() throws Exception {
        List<String> messages = messages(1_000);
        peer.setDownloadData(messages);
        peer.leaveDownloading(400); // a client killed during a download left it there
        connect();
        assertFalse(peer.received().contains("RESET"), "RESET would wedge the original: " + peer.received());
        assertFalse(peer.isWedged());
        assertEquals(6, peer.received().stream().filter("ACK"::equals).count(), "ACK until its last chunk: " + peer.received());
        assertEquals(List.of(8, 9), connection.boards(), "the original answers as before");
        List<String> got = new ArrayList<>();
        assertEquals(1_000, transfer.download(3, 0, got::addAll, () -> false), "and downloads whole");
    }

    @Test
    void shouldRefuseAResumeTheOriginalCannotDo() {
        connect();
        DownloadException refused = org.junit.jupiter.api.Assertions.assertThrows(DownloadException.class,
                () -> transfer.download(3, 50, chunk -> { }, () -> false));
        assertTrue(refused.getMessage().contains("resume"));
    }

    @Test
    void shouldNeverSendTheOriginalAResetItWouldNotAnswer() {
        connect();
        long started = System.nanoTime();
        assertTrue(connection.reset().ok());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 5 * ClientServices.TIMEOUT_MS);
        assertFalse(peer.received().contains("RESET"), "" + peer.received());
        assertEquals(List.of(8, 9), connection.boards(), "the connection still works after the reset");
        assertEquals(ConnectionStatus.CONNECTED, connection.status());
    }

    @Test
    void shouldReportRefusedWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(ConnectionStatus.REFUSED, connection.connect(Endpoint.of("127.0.0.1", closedPort)));
        assertTrue(events.details.stream().anyMatch(detail -> detail.contains("nothing listens")), "" + events.details);
        assertFalse(connection.start().ok(), "commands fail without throwing");
    }

    @Test
    void shouldReconnectByItselfWhenTheRuntimeAnswersAgain() throws Exception {
        connect();
        peer.setAnswering(false);
        assertTrue(connection.boards().isEmpty());
        assertTrue(events.statuses.contains(ConnectionStatus.RECONNECTING), "" + events.statuses);
        peer.setAnswering(true);
        assertTrue(Osgi.waitFor(() -> connection.status() == ConnectionStatus.CONNECTED, 5000), "" + events.statuses);
        assertEquals(List.of(8, 9), connection.boards());
    }

    @Test
    void shouldSendBoardCommandsAsTheOriginalClient() {
        connect();
        assertTrue(connection.boardCommand(9, "850000000000001a").ok());
        assertTrue(transfer.delete(4).ok());
        assertTrue(peer.received().containsAll(List.of("BOARD 09 850000000000001a", "DELETE 4")), "" + peer.received());
    }

    private static final class RecordingListener implements ConnectionListener {
        final List<String> liveLines = new CopyOnWriteArrayList<>();
        final List<List<SessionSummary>> sessions = new CopyOnWriteArrayList<>();
        final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
        final List<String> details = new CopyOnWriteArrayList<>();

        @Override
        public void statusChanged(ConnectionStatus status, String detail) {
            statuses.add(status);
            details.add(detail);
        }

        @Override
        public void liveLine(String line) {
            liveLines.add(line);
        }

        @Override
        public void sessionsChanged(List<SessionSummary> list) {
            sessions.add(list);
        }
    }
}
