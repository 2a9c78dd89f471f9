// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the chart's x axis counts: seconds from an origin (a session's start, or the latest live value),
 * or the clock, local or UTC. Ticks fall on round seconds or round clock times; the title says which
 * and, for the clock, the date, so an axis never shows raw epoch seconds.
 */
public enum TimeAxis {
    SECONDS("Seconds"), LOCAL("Local time"), UTC("UTC");

    /** Clock steps in ms: round seconds, minutes and hours. */
    private static final long[] CLOCK_STEPS = { 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000,
            120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000,
            86_400_000 };
    private static final long DAY = 86_400_000;

    /** One tick: its time (epoch ms) and its label. */
    public record Tick(long time, String label) {
    }

    private final String choice;

    TimeAxis(String choice) {
        this.choice = choice;
    }

    /** @return how the axis is offered in the view's drop-down */
    public String choice() {
        return choice;
    }

    /**
     * @param origin the time shown as 0 s
     * @param live   whether the origin is the latest live value (else a session's start)
     * @return the axis title
     */
    public String title(TimeRange range, long origin, boolean live) {
        return switch (this) {
        case SECONDS -> live ? "Seconds before the latest value (s)" : "Seconds since the session's start (s)";
        case LOCAL -> "Local time (" + date(range.from()) + ", " + offset(range.from()) + ")";
        case UTC -> "UTC (" + date(range.from()) + ")";
        };
    }

    /** @return ticks over the range, about {@code wanted} of them, on round seconds or clock times */
    public List<Tick> ticks(TimeRange range, long origin, int wanted) {
        List<Tick> ticks = new ArrayList<>();
        if (this == SECONDS) {
            double from = (range.from() - origin) / 1000.0;
            double to = (range.to() - origin) / 1000.0;
            double step = AxisSteps.niceStep(to - from, wanted);
            for (double tick = Math.ceil(from / step) * step; tick <= to; tick += step) {
                ticks.add(new Tick(origin + Math.round(tick * 1000), AxisSteps.format(tick, step)));
            }
            return ticks;
        }
        long step = clockStep(range.span() / (double) Math.max(1, wanted));
        long offset = zone().getRules().getOffset(Instant.ofEpochMilli(range.from())).getTotalSeconds() * 1000L;
        long first = Math.floorDiv(range.from() + offset + step - 1, step) * step - offset;
        DateTimeFormatter format = formatter(step, range.span());
        for (long tick = first; tick <= range.to(); tick += step) {
            ticks.add(new Tick(tick, format.format(Instant.ofEpochMilli(tick))));
        }
        return ticks;
    }

    /** @return the time of the cursor readout: seconds from the origin to 0.001 s, or the clock to the ms */
    public String label(long time, long origin) {
        if (this == SECONDS) {
            return AxisSteps.format((time - origin) / 1000.0, 0.001) + " s";
        }
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(zone()).format(Instant.ofEpochMilli(time));
    }

    private static long clockStep(double wanted) {
        for (long step : CLOCK_STEPS) {
            if (step >= wanted) {
                return step;
            }
        }
        return (long) Math.ceil(wanted / DAY) * DAY;
    }

    private DateTimeFormatter formatter(long step, long span) {
        String pattern = span > DAY ? "MM-dd HH:mm" : step < 1_000 ? "HH:mm:ss.S" : step < 60_000 ? "HH:mm:ss" : "HH:mm";
        return DateTimeFormatter.ofPattern(pattern).withZone(zone());
    }

    /** @return the local zone's offset from UTC at {@code time}: "UTC+01:00", or "UTC" */
    private String offset(long time) {
        ZoneOffset offset = zone().getRules().getOffset(Instant.ofEpochMilli(time));
        return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
    }

    private String date(long time) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone()).format(Instant.ofEpochMilli(time));
    }

    private ZoneId zone() {
        return this == UTC ? ZoneOffset.UTC : ZoneId.systemDefault();
    }
}
