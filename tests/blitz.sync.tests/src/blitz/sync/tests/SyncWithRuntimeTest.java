// SPDX-License-Identifier: EPL-2.0
package blitz.sync.tests;

import static blitz.logger.tests.support.InProcessSource.basicLine;
import static blitz.testing.Osgi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;

import blitz.logger.LoggingRuntime;
import blitz.logger.tests.support.InProcessSource;
import blitz.model.Notification;
import blitz.model.client.ClientStore;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.model.server.ServerStore;
import blitz.model.source.LossEvent;
import blitz.model.source.MessageSource;
import blitz.model.sync.DownloadReport;
import blitz.model.sync.DownloadReport.State;
import blitz.model.sync.Progress;
import blitz.model.sync.SessionSync;
import blitz.testing.InterruptedCommits;
import blitz.testing.Osgi;

/**
 * The workbench's client services against Blitz's own logging runtime and protocol server, in one
 * framework: capabilities, verified downloads (count and SHA-256 match), resume from an offset, and
 * the gap ledger mirrored into the workbench's notifications.
 */
class SyncWithRuntimeTest {
    /** Not an extension: the protocol keeps its test port after the class (deleting it would bind the default 8999). */
    private static final Osgi OSGI = new Osgi();
    private static int port;
    private LoggingRuntime runtime;
    /** The store the runtime writes to, to check what it stored. */
    private ServerStore serverStore;
    private InProcessSource source;
    private ServiceRegistration<MessageSource> registration;
    private LoggerConnection connection;
    private ClientStore store;
    private SessionSync sync;

    @BeforeAll
    static void configure() throws IOException, BundleException {
        port = ProtocolOnFreePort.start(OSGI);
    }

    @BeforeEach
    void connect() {
        runtime = Osgi.await(LoggingRuntime.class);
        serverStore = Osgi.await(ServerStore.class);
        runtime.stopSession();
        source = new InProcessSource("sync", 0x08);
        registration = OSGI.register(source);
        eventually("source started", source::started);
        store = Osgi.await(ClientStore.class);
        store.createTables(true);
        // a test may have bound the sync to another store: each test uses the one bound to the store itself
        sync = Osgi.await(SessionSync.class, "(!(downloads.target=*))");
        connection = Osgi.await(LoggerConnection.class);
        eventually("connected to the runtime's protocol server", () -> connection.connect(
                Endpoint.of("127.0.0.1", port)) == ConnectionStatus.CONNECTED && !connection.capabilities().isEmpty());
    }

    @AfterEach
    void disconnect() {
        connection.disconnect();
        runtime.stopSession();
        registration.unregister();
    }

    private long sessionWith(int messages, LossEvent loss) {
        assertTrue(connection.start().ok());
        long session = runtime.currentSession().orElseThrow();
        for (int i = 0; i < messages; i++) {
            source.emit(basicLine(0x08, i * 10L, i % 4096));
        }
        if (loss != null) {
            source.loss(loss);
        }
        assertTrue(connection.stop().ok());
        return session;
    }

    @Test
    void shouldSeeTheRuntimesExtensions() {
        assertTrue(connection.capabilities().containsAll(Set.of(LoggerConnection.RESUME, LoggerConnection.DIGEST,
                LoggerConnection.GAPS, "download-frames")), "" + connection.capabilities());
    }

    @Test
    void shouldVerifyADownloadAndMirrorTheGapLedger() {
        long session = sessionWith(250, new LossEvent(LossEvent.Kind.SEQUENCE_GAP, 8, 3, System.currentTimeMillis(),
                "3 numbered messages missing"));
        sync.refreshSessionList();
        DownloadReport report = sync.download(session, Progress.NONE);
        assertEquals(State.VERIFIED, report.state(), report.detail());
        assertEquals(250, report.messages());
        assertEquals(1250, report.readings());
        assertTrue(store.getSession(session).orElseThrow().available());
        List<Notification> gaps = store.all(Notification.class).stream()
                .filter(n -> n.description().startsWith("Session " + session + " gap")).toList();
        assertEquals(1, gaps.size(), () -> "one ledger entry, no header: " + store.all(Notification.class));
        assertTrue(gaps.get(0).description().contains("SEQUENCE_GAP 3 3 numbered messages missing"), gaps.toString());
        assertEquals(Notification.WARNING, gaps.get(0).severity());
    }

    @Test
    void shouldResumeFromTheRuntimeWithoutFetchingAgain() {
        assertTrue(connection.capabilities().contains(LoggerConnection.RESUME), "the runtime resumes downloads");
        long session = sessionWith(25_000, null);
        sync.refreshSessionList();
        List<Long> worked = new ArrayList<>();
        DownloadReport cancelled = sync.download(session, new Progress() {
            @Override
            public void begin(String task, long total) {
            }

            @Override
            public void worked(long done) {
                worked.add(done);
            }

            @Override
            public boolean isCancelled() {
                return worked.stream().anyMatch(done -> done >= 200);
            }
        });
        assertEquals(State.CANCELLED, cancelled.state());
        long stored = store.rawMessageCount(session);
        assertTrue(stored >= 200 && stored < 25_000, "stored " + stored);

        assertResumedWhole(sync, session, stored, 25_000);
    }

    /** The next download of a session ends verified and whole, having decoded only what was not stored. */
    private void assertResumedWhole(SessionSync from, long session, long stored, int messages) {
        DownloadReport resumed = from.download(session, Progress.NONE);
        assertEquals(State.VERIFIED, resumed.state(), resumed.detail());
        assertEquals(messages, store.rawMessageCount(session));
        assertEquals((messages - stored) * 5, resumed.readings(), "the resumed run decoded only what was new");
        assertEquals(messages * 5, store.getSessionReadings(session).size(), "no reading twice");
    }

    @Test
    void shouldResumeADownloadInterruptedInTheMiddleOfAGroupedCommit() {
        long session = sessionWith(25_000, null);
        Osgi interruption = new Osgi(); // undone at the end: the other tests use the sync bound to the store itself
        long stored;
        try {
            InterruptedCommits commits = InterruptedCommits.install(interruption, store);
            SessionSync interrupting = Osgi.await(SessionSync.class, "(downloads.target=*)");
            interrupting.refreshSessionList();
            commits.interruptCommit(2);
            DownloadReport interrupted = interrupting.download(session, Progress.NONE);
            assertEquals(State.FAILED, interrupted.state(), interrupted.detail());
            assertEquals(2, commits.commits(), "the download stopped at the failed commit");
            stored = store.rawMessageCount(session);
            assertTrue(stored > 0 && stored < 25_000, "the first group stays, the interrupted one is gone: " + stored);
            assertEquals(stored * 5, store.getSessionReadings(session).size(), "no reading of the interrupted group");
            List<String> raw = new ArrayList<>();
            store.readRawMessages(session, 0, 10_000, raw::addAll);
            assertEquals(serverStore.readPage(session, 0, (int) stored), raw, "exactly the runtime's first messages");
        } finally {
            interruption.undoAll();
        }
        assertResumedWhole(Osgi.await(SessionSync.class, "(!(downloads.target=*))"), session, stored, 25_000);
    }

    @Test
    void shouldMirrorTheRuntimesNotificationsOnce() {
        long session = sessionWith(5, null);
        eventually("the runtime's session notifications mirrored", () -> store.all(Notification.class).stream()
                .anyMatch(n -> n.description().endsWith("Session " + session + " stopped")));
        long mirrored = store.all(Notification.class).stream()
                .filter(n -> n.description().endsWith("Session " + session + " started")).count();
        assertEquals(1, mirrored, () -> "each runtime notification once: " + store.all(Notification.class));
    }

    @Test
    void shouldDeleteOnBothSides() {
        long session = sessionWith(10, null);
        sync.refreshSessionList();
        sync.download(session, Progress.NONE);
        assertTrue(sync.deleteSession(session));
        assertTrue(store.getSession(session).isEmpty());
        assertTrue(serverStore.session(session).isEmpty(), "deleted on the runtime too");
        assertTrue(sync.refreshSessionList().stream().noneMatch(s -> s.refId() == session), "it does not come back");
    }
}
