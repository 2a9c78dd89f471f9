// SPDX-License-Identifier: EPL-2.0
package blitz.logger.tests;

import static blitz.logger.tests.support.InProcessSource.basicLine;
import static blitz.testing.Osgi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

import blitz.logger.LoggingRuntime;
import blitz.logger.SessionReader;
import blitz.logger.tests.support.InProcessSource;
import blitz.testing.Osgi;
import blitz.model.SessionSummary;
import blitz.model.source.MessageSource;

/** The read-only {@link SessionReader} service over what the runtime stored: summaries, counts and pages. */
class SessionReaderTest {
    private static final Osgi OSGI = new Osgi();

    @Test
    void readsAStoredSessionPageByPage() throws Exception {
        LoggingRuntime runtime = Osgi.await(LoggingRuntime.class);
        SessionReader reader = Osgi.await(SessionReader.class);
        runtime.stopSession();
        InProcessSource source = new InProcessSource("reader", 0x08);
        ServiceRegistration<MessageSource> registration = OSGI.register(source);
        try {
            eventually("started", source::started);
            runtime.startSession();
            long session = runtime.currentSession().orElseThrow();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                sent.add(basicLine(0x08, i, i));
            }
            sent.forEach(source::emit);
            runtime.stopSession();

            assertEquals(sent.size(), reader.messageCount(session));
            SessionSummary summary = reader.session(session).orElseThrow();
            assertEquals(sent.size(), summary.count());
            assertTrue(summary.end().isPresent());
            assertEquals(summary, reader.sessions().get(0), "newest first");
            assertEquals(sent.get(sent.size() - 1), reader.latest(session).orElseThrow());

            List<String> read = new ArrayList<>();
            List<String> page = reader.readPage(session, 0, 100);
            while (!page.isEmpty()) {
                assertTrue(page.size() <= 100, "a page holds at most what was asked");
                read.addAll(page);
                page = reader.readPage(session, read.size(), 100);
            }
            assertEquals(sent, read, "every message, in order, in pages");
            assertEquals(sent.subList(240, 250), reader.readPage(session, 240, 100), "the last page is short");
            assertEquals(List.of(), reader.readPage(session, 250, 100), "past the end: empty");

            assertEquals(0, reader.messageCount(999_999));
            assertTrue(reader.session(999_999).isEmpty());
            assertEquals(List.of(), reader.readPage(999_999, 0, 100), "unknown session: empty");
            assertTrue(reader.latest(999_999).isEmpty());
            assertThrows(IllegalArgumentException.class, () -> reader.readPage(session, -1, 100));
            assertTrue(reader.health().connected(), reader.health().toString());
            runtime.deleteSession(session);
        } finally {
            registration.unregister();
        }
    }
}
