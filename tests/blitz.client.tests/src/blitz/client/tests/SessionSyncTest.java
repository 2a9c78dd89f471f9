// SPDX-License-Identifier: EPL-2.0
package blitz.client.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import blitz.model.Notification;
import blitz.model.Session;
import blitz.model.client.ClientStore;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.model.sync.DownloadReport;
import blitz.model.sync.DownloadReport.State;
import blitz.model.sync.Progress;
import blitz.model.sync.SessionSync;
import blitz.model.decoder.DecoderRegistry;
import blitz.testing.InterruptedCommits;
import blitz.testing.Osgi;

/**
 * Session mirroring, download, resume, re-decode, export and delete, from a peer that answers as the
 * original logger into the real client store (EclipseLink on an in-memory Derby database).
 */
class SessionSyncTest {
    @RegisterExtension
    final Osgi osgi = new Osgi();
    private static LoggerConnection connection;
    private static ClientStore store;
    private static SessionSync sync;
    private OriginalLoggerPeer peer;

    @BeforeAll
    static void services() throws Exception {
        connection = ClientServices.configuredConnection();
        store = ClientServices.inMemoryStore();
        sync = Osgi.await(SessionSync.class);
    }

    @BeforeEach
    void startPeer() {
        store.createTables(true);
        // a test may have bound the sync to another store: each test uses the one bound to the store itself
        sync = Osgi.await(SessionSync.class, "(!(downloads.target=*))");
        peer = new OriginalLoggerPeer();
        peer.setSessions(List.of("2 1395000002000 1395000003000 0", "1 1395000000000 1395000001000 250"));
        peer.setDownloadData(boardLines(250));
        connection.connect(Endpoint.of("127.0.0.1", peer.port()));
    }

    @AfterEach
    void stopPeer() throws Exception {
        connection.disconnect();
        peer.close();
    }

    /** Board 8 lines whose first channel counts up and whose timestamps are i * 10 ms. */
    private static List<String> boardLines(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(String.format("08A0%08X%03X0000000000000", i * 10, i % 4096));
        }
        return lines;
    }

    @Test
    void shouldMirrorTheSessionListAndDownloadFromTheOriginalLogger() {
        List<Session> sessions = sync.refreshSessionList();
        assertEquals(2, sessions.size());
        DownloadReport report = sync.download(1, Progress.NONE);
        assertEquals(State.VERIFIED_BY_COUNT, report.state(), report.detail());
        assertEquals(250, report.messages());
        assertEquals(250 * 5, report.readings());
        assertEquals(250, store.rawMessageCount(1));
        assertEquals(1250, store.getSessionReadings(1).size());
        assertTrue(store.getSession(1).orElseThrow().available());
        assertTrue(store.getSessionReadings(1).stream().anyMatch(r -> r.timeLogged() == 2490 && r.value() == 249.0),
                "the last line decoded");
    }

    @Test
    void shouldResumeAnInterruptedDownloadWithoutDuplicates() {
        useSession(25_000);
        peer.stopAnsweringAfterChunks(150); // the runtime goes away after 15 000 messages
        DownloadReport interrupted = sync.download(1, Progress.NONE);
        assertEquals(State.FAILED, interrupted.state());
        long stored = store.rawMessageCount(1);
        assertTrue(stored > 0 && stored <= 15_000 && stored % 100 == 0, "whole commits stay: " + stored);
        assertFalse(store.getSession(1).orElseThrow().available());

        peer.stopAnsweringAfterChunks(-1);
        peer.setAnswering(true);
        assertTrue(waitForConnected());
        assertResumedWhole(25_000);
        assertTrue(store.all(Notification.class).stream().anyMatch(n -> n.description().contains("failed")));
    }

    @Test
    void shouldResumeADownloadInterruptedInTheMiddleOfAGroupedCommit() {
        useSession(25_000);
        InterruptedCommits commits = InterruptedCommits.install(osgi, store);
        SessionSync interrupting = Osgi.await(SessionSync.class, "(downloads.target=*)");
        commits.interruptCommit(2);
        DownloadReport interrupted = interrupting.download(1, Progress.NONE);
        assertEquals(State.FAILED, interrupted.state(), interrupted.detail());
        assertEquals(2, commits.commits(), "the download stopped at the failed commit");
        long stored = store.rawMessageCount(1);
        assertTrue(stored > 0 && stored < 25_000, "the first group stays, the interrupted one is gone: " + stored);
        assertEquals(boardLines(25_000).subList(0, (int) stored), raw(), "no part of the interrupted group");
        assertEquals(stored * 5, store.getSessionReadings(1).size(), "no reading of the interrupted group");

        assertResumedWhole(25_000);
    }

    /** The peer holds a session 1 of {@code messages} board lines, and lists it with that count. */
    private void useSession(int messages) {
        peer.setSessions(List.of("1 1395000000000 1395000001000 " + messages));
        peer.setDownloadData(boardLines(messages));
        sync.refreshSessionList();
    }

    /** Downloads session 1 again and checks it ends whole: every message once, in order, verified by count. */
    private void assertResumedWhole(int messages) {
        DownloadReport resumed = Osgi.await(SessionSync.class).download(1, Progress.NONE);
        assertEquals(State.VERIFIED_BY_COUNT, resumed.state(), resumed.detail());
        assertEquals(messages, store.rawMessageCount(1));
        assertEquals(boardLines(messages), raw(), "raw messages in session order, none twice, none missing");
        assertEquals(messages * 5, store.getSessionReadings(1).size(), "no reading stored twice");
        assertTrue(store.getSession(1).orElseThrow().available());
    }

    private static List<String> raw() {
        List<String> raw = new ArrayList<>();
        store.readRawMessages(1, 0, 10_000, raw::addAll);
        return raw;
    }

    private static boolean waitForConnected() {
        try {
            return Osgi.waitFor(() -> connection.status() == blitz.model.connection.ConnectionStatus.CONNECTED, 5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void shouldCountBadLinesAndUnknownBoardsWithoutFailing() {
        List<String> lines = new ArrayList<>(boardLines(10));
        lines.add("this is not hex");
        lines.add("FFA0000000000000000000000000");
        lines.add("08A0");
        peer.setDownloadData(lines);
        sync.refreshSessionList();
        DownloadReport report = sync.download(1, Progress.NONE);
        assertEquals(State.FAILED, report.state(), "the peer lists 250 messages, 13 came: " + report.detail());
        assertEquals(13, report.messages(), "every line is kept raw");
        assertEquals(2, report.badLines());
        assertEquals(1, report.unknownBoards());
        assertEquals(50, report.readings());
    }

    @Test
    void shouldStayUnverifiedWhenTheOriginalCannotListItsSessions() {
        sync.refreshSessionList();
        peer.setWithoutDatabase(true);
        DownloadReport report = sync.download(1, Progress.NONE);
        assertEquals(State.COMPLETE_UNVERIFIED, report.state(), report.detail());
        assertEquals(250, store.rawMessageCount(1));
    }

    @Test
    void shouldKeepDownloadedDataWhenTheListIsRefreshedOrUnavailable() {
        sync.refreshSessionList();
        sync.download(1, Progress.NONE);
        sync.refreshSessionList();
        assertEquals(1250, store.getSessionReadings(1).size());
        assertTrue(store.getSession(1).orElseThrow().available());
        peer.setWithoutDatabase(true);
        assertEquals(2, sync.refreshSessionList().size(), "a failed list keeps the known one");
    }

    @Test
    void shouldDecodeAgainWithANewCalibration() throws Exception {
        sync.refreshSessionList();
        sync.download(1, Progress.NONE);
        osgi.configure("blitz.calibration", Map.of("calibrations", new String[] { "adc_channel_one=0.5,1,V" }));
        assertTrue(Osgi.waitFor(() -> "V".equals(Osgi.await(DecoderRegistry.class).calibration("adc_channel_one").unit()), 5000));
        DownloadReport report = sync.redecode(1, Progress.NONE);
        assertEquals(1250, report.readings());
        assertEquals(1250, store.getSessionReadings(1).size());
        assertTrue(store.getSessionReadings(1).stream().anyMatch(r -> r.timeLogged() == 2490 && r.value() == 125.5),
                "249 * 0.5 + 1");
    }

    @Test
    void shouldExportTheOriginalsCsvLayout(@TempDir Path folder) throws Exception {
        sync.refreshSessionList();
        Path csv = folder.resolve("session-1.csv");
        long rows = sync.exportCsv(1, csv, Progress.NONE);
        assertEquals(1250, rows, "not downloaded yet: the export downloads first, then writes");
        List<String> lines = Files.readAllLines(csv);
        assertEquals("Time Logged,Elapsed Seconds,Variable Name,Value", lines.get(0));
        assertEquals(1251, lines.size());
        assertTrue(lines.get(1).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3},0\\.0,adc_channel_\\w+,[-0-9.E]+"),
                lines.get(1));
        assertFalse(Files.exists(folder.resolve("session-1.csv.partial")));
    }

    @Test
    void shouldDeleteOnTheRuntimeFirst() {
        sync.refreshSessionList();
        sync.download(1, Progress.NONE);
        assertTrue(sync.deleteSession(1));
        assertTrue(peer.received().contains("DELETE 1"));
        assertTrue(store.getSession(1).isEmpty());
        assertEquals(0, store.rawMessageCount(1));
    }
}
