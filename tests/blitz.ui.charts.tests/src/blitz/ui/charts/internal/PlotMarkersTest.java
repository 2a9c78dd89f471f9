// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import blitz.model.Notification;
import blitz.model.SessionSummary;
import blitz.model.client.ClientStore;
import blitz.model.client.ReadingBatch;
import blitz.testing.swt.UiFixture;
import blitz.ui.charts.model.SessionMarkers.Kind;
import blitz.ui.charts.model.SessionMarkers.Marker;
import blitz.ui.charts.model.SessionMarkers;
import blitz.ui.charts.model.TimeRange;

/**
 * Markers of a session whose source lost its port for 15 s and whose board skipped 12 messages, as the
 * client mirrors the runtime's gap ledger into the notifications: start and end lines, a gap line, the
 * reconnect span shaded, each named by its tooltip.
 */
class PlotMarkersTest {
    private static final long SESSION = 4343;
    private static final long STARTED = 1_700_000_000_000L;
    private static final long STOPPED_AFTER = 100_000;
    private static final long AWAY_FROM = 40_000;
    private static final long AWAY_TO = 55_000;
    private static final long SKIPPED_AT = 20_000;

    @BeforeAll
    static void storeASessionWithALedger() {
        ClientStore store = PlotFixture.store();
        store.updateSessionList(List.of(new SessionSummary(SESSION, STARTED, OptionalLong.of(STARTED + STOPPED_AFTER),
                10_000)));
        long category = store.getOrCreateCategory("marker_ramp");
        ReadingBatch batch = new ReadingBatch(10_000);
        for (long time = 0; time < STOPPED_AFTER; time += 10) {
            if (time < AWAY_FROM || time >= AWAY_TO) {
                batch.add(time, category, time % 5_000);
            }
        }
        store.addReadings(SESSION, batch);
        store.updateSessionAvailability(SESSION);
        String sequence = "Session " + SESSION + " gap: " + (STARTED + SKIPPED_AT)
                + " serial:/dev/ttyUSB0 09 SEQUENCE_GAP 12 sequence 100 then 112";
        store.logError(sequence, Notification.WARNING);
        store.logError(sequence, Notification.WARNING); // downloaded twice: still one marker
        store.logError("Session " + SESSION + " gap: " + (STARTED + AWAY_TO)
                + " serial:/dev/ttyUSB0 09 RECONNECT_GAP 1 port lost (unplugged), board running again after "
                + (AWAY_TO - AWAY_FROM) + " ms", Notification.WARNING);
        store.logError("Session " + SESSION + " gap: not a ledger line", Notification.WARNING);
        store.logError("Session 9" + SESSION + " gap: " + (STARTED + 30_000) + " serial:x - BAD_LINE 1 zz",
                Notification.WARNING);
    }

    @Test
    void drawsStartEndGapAndReconnectWhereTheyHappenedAndNamesThem() throws Exception {
        try (PlotFixture ui = new PlotFixture()) {
            ui.view.model().showSession(SESSION);
            UiFixture.waitUntil("the session is plotted", 20_000,
                    () -> !ui.view.model().series().isEmpty() && ui.view.model().upToDate());
            assertEquals(List.of(new Marker(Kind.START, 0, 0, "Session 4343 started"),
                    new Marker(Kind.GAP, SKIPPED_AT, SKIPPED_AT,
                            "Gap: 12 messages missing (serial:/dev/ttyUSB0 board 09: sequence 100 then 112)"),
                    new Marker(Kind.RECONNECT, AWAY_FROM, AWAY_TO,
                            "Reconnecting serial:/dev/ttyUSB0 board 09 for 15.0 s: port lost (unplugged), board "
                                    + "running again after 15000 ms"),
                    new Marker(Kind.STOP, STOPPED_AFTER, STOPPED_AFTER, "Session 4343 stopped")), ui.view.model().markers());
            assertEquals(new TimeRange(0, STOPPED_AFTER + 1), ui.view.model().range(), "the whole session, start to end");

            ImageData image = ui.view.snapshot();
            Rectangle plot = ChartPainter.plotArea(new Rectangle(0, 0, image.width, image.height), 1);
            TimeRange range = ui.view.model().range();
            int start = ChartPainter.x(plot, range, 0);
            int skipped = ChartPainter.x(plot, range, SKIPPED_AT);
            int away = ChartPainter.x(plot, range, (AWAY_FROM + AWAY_TO) / 2);
            int stop = ChartPainter.x(plot, range, STOPPED_AFTER);
            int plain = ChartPainter.x(plot, range, 30_000);
            int lineLength = plot.height * 9 / 10;
            assertTrue(pixels(image, plot, start, ChartPainter.START_COLOUR) > lineLength, "no start line at " + start);
            assertTrue(pixels(image, plot, skipped, ChartPainter.GAP_COLOUR) > lineLength, "no gap line at " + skipped);
            assertTrue(pixels(image, plot, stop, ChartPainter.STOP_COLOUR) > lineLength, "no end line at " + stop);
            assertEquals(0, pixels(image, plot, skipped - 3, ChartPainter.GAP_COLOUR), "the gap line is wider than 1 px");
            assertTrue(shaded(image, plot, away) > lineLength, "the reconnect span is not shaded at " + away);
            assertEquals(0, shaded(image, plot, plain), "shaded outside the reconnect span at " + plain);
            for (RGB marker : List.of(ChartPainter.START_COLOUR, ChartPainter.GAP_COLOUR, ChartPainter.STOP_COLOUR)) {
                assertEquals(0, pixels(image, plot, plain, marker), "a marker drawn at " + plain);
            }

            Path file = Path.of(System.getProperty("blitz.test.workdir", "target/work"), "plot-markers.png");
            Files.createDirectories(file.getParent());
            ui.view.exportPng(file); // to look at

            Canvas canvas = ui.canvas();
            int middle = plot.y + plot.height / 2;
            assertEquals("Gap: 12 messages missing (serial:/dev/ttyUSB0 board 09: sequence 100 then 112)",
                    tooltipAt(canvas, skipped + 2, middle));
            assertTrue(tooltipAt(canvas, away, middle).startsWith("Reconnecting serial:/dev/ttyUSB0 board 09 for 15.0 s"));
            assertEquals("Session 4343 stopped", tooltipAt(canvas, stop - 1, middle));
            assertNull(tooltipAt(canvas, plain, middle), "a tooltip where there is no marker");
        }
    }

    @Test
    void liveModeMarksTheRuntimesSessionStartsAndStops() {
        long now = System.currentTimeMillis();
        List<Marker> markers = SessionMarkers.live(List.of(
                new Notification(1L, now - 30_000, Notification.INFO, "Runtime tcp://127.0.0.1:8999: Session 7 started"),
                new Notification(2L, now - 20_000, Notification.WARNING, "Runtime connection reconnecting: gone"),
                new Notification(3L, now - 10_000, Notification.INFO, "Runtime tcp://127.0.0.1:8999: Session 7 stopped")));
        assertEquals(List.of(new Marker(Kind.START, now - 30_000, now - 30_000, "Session 7 started"),
                new Marker(Kind.STOP, now - 10_000, now - 10_000, "Session 7 stopped")), markers);
    }

    /** Tests that look for drawn data count saturated pixels (the series colours): markers must not pass for data. */
    @Test
    void markerColoursAreMuted() {
        for (Kind kind : Kind.values()) {
            RGB colour = ChartPainter.colour(kind);
            int spread = Math.max(colour.red, Math.max(colour.green, colour.blue))
                    - Math.min(colour.red, Math.min(colour.green, colour.blue));
            int shown = kind == Kind.RECONNECT ? spread * 110 / 255 : spread; // the span is translucent
            assertTrue(shown <= 80, kind + " marker colour " + colour + " is as saturated as a series");
        }
    }

    private static String tooltipAt(Canvas canvas, int x, int y) {
        Event move = new Event();
        move.x = x;
        move.y = y;
        canvas.notifyListeners(SWT.MouseMove, move);
        return canvas.getToolTipText();
    }

    /** @return pixels of one column inside the plot frame of exactly this colour */
    private static int pixels(ImageData image, Rectangle plot, int x, RGB colour) {
        int found = 0;
        for (int y = plot.y + 1; y < plot.y + plot.height; y++) {
            if (image.palette.getRGB(image.getPixel(x, y)).equals(colour)) {
                found++;
            }
        }
        return found;
    }

    /** @return pixels of one column tinted orange by the reconnect shade over the white background */
    private static int shaded(ImageData image, Rectangle plot, int x) {
        int found = 0;
        for (int y = plot.y + 1; y < plot.y + plot.height; y++) {
            RGB rgb = image.palette.getRGB(image.getPixel(x, y));
            if (rgb.red > 250 && rgb.green < 240 && rgb.green > 200 && rgb.blue < 220 && rgb.blue > 150) {
                found++;
            }
        }
        return found;
    }
}
