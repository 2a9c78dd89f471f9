// SPDX-License-Identifier: EPL-2.0
package blitz.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import blitz.model.SessionSummary;
import blitz.model.decoder.BoardDescription;

class SessionSummaryTest {

    @Test
    void roundTripsAFinishedSession() {
        SessionSummary summary = new SessionSummary(3, 1_395_000_000_000L, OptionalLong.of(1_395_000_005_000L), 42);
        assertEquals("3 1395000000000 1395000005000 42", summary.toLine());
        assertEquals(summary, SessionSummary.parse(summary.toLine()));
    }

    @Test
    void writesAnOpenSessionsEndAsNoneLikeTheOriginal() {
        SessionSummary summary = new SessionSummary(4, 10, OptionalLong.empty(), 0);
        assertEquals("4 10 None 0", summary.toLine());
        assertEquals(summary, SessionSummary.parse("4 10 None 0"));
    }

    @Test
    void acceptsTheOriginalsFloatTimestamps() {
        SessionSummary summary = SessionSummary.parse("1 1395000000000.0 1395000000001.0 10");
        assertEquals(1_395_000_000_000L, summary.start());
        assertEquals(OptionalLong.of(1_395_000_000_001L), summary.end());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1 2 3", "a b c d", "1 2 3 4 5", "1 x None 3" })
    void refusesLinesThatAreNotSessions(String line) {
        assertThrows(IllegalArgumentException.class, () -> SessionSummary.parse(line));
    }

    @Test
    void labelsBoardsAsTheOriginal() {
        assertEquals("8 (08)", BoardDescription.label(8));
        assertEquals("10 (0a)", BoardDescription.label(10));
        assertEquals("255 (ff)", BoardDescription.label(255));
    }
}
