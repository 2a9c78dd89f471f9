// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The x axis in seconds from the session's start or in clock time: never epoch seconds. */
class TimeAxisTest {
    /** 2027-01-15 08:00:00 UTC. */
    private static final long START = 1_800_000_000_000L - 1_800_000_000_000L % 3_600_000;
    private static final TimeRange MINUTE = new TimeRange(START, START + 60_000);

    @Test
    void secondsCountFromTheOrigin() {
        List<TimeAxis.Tick> ticks = TimeAxis.SECONDS.ticks(MINUTE, START, 6);
        assertEquals(List.of("0", "10", "20", "30", "40", "50", "60"), ticks.stream().map(TimeAxis.Tick::label).toList());
        assertEquals(START + 10_000, ticks.get(1).time());
        assertEquals("Seconds since the session's start (s)", TimeAxis.SECONDS.title(MINUTE, START, false));
        assertEquals("12.345 s", TimeAxis.SECONDS.label(START + 12_345, START));
    }

    @Test
    void utcTicksFallOnRoundClockTimesAndTheTitleNamesTheDate() {
        List<TimeAxis.Tick> ticks = TimeAxis.UTC.ticks(new TimeRange(START + 1_000, START + 61_000), START, 6);
        assertEquals("08:00:10", ticks.get(0).label());
        assertEquals(10_000, ticks.get(1).time() - ticks.get(0).time());
        assertTrue(TimeAxis.UTC.title(MINUTE, START, false).startsWith("UTC (2027-01-15"),
                TimeAxis.UTC.title(MINUTE, START, false));
        assertEquals("2027-01-15 08:00:01.500", TimeAxis.UTC.label(START + 1_500, START));
        assertTrue(TimeAxis.LOCAL.title(MINUTE, START, false).startsWith("Local time (2027-01-1"));
    }
}
