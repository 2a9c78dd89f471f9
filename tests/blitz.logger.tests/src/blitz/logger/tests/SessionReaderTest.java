// SPDX-License-Identifier: EPL-2.0
package blitz.logger.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import blitz.logger.LoggingRuntime;
import blitz.logger.SessionReader;
import blitz.logger.tests.support.RecordedSession;
import blitz.testing.Osgi;
import blitz.model.SessionSummary;

/** The read-only {@link SessionReader} service over what the runtime stored: summaries, counts and pages. */
class SessionReaderTest {
    private static final Osgi OSGI = new Osgi();

    @Test
    void readsAStoredSessionPageByPage() throws Exception {
        LoggingRuntime runtime = Osgi.await(LoggingRuntime.class);
        SessionReader reader = Osgi.await(SessionReader.class);
        RecordedSession recorded = RecordedSession.record(OSGI, "reader", 250);
        long session = recorded.id();
        List<String> sent = recorded.lines();

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
    }
}
