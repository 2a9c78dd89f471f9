// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.eclipse.swt.widgets.Label;

import blitz.model.SessionSummary;
import blitz.model.client.Bucket;
import blitz.model.client.ClientStore;
import blitz.model.client.ReadingBatch;
import blitz.testing.swt.UiFixture;
import blitz.ui.charts.model.Series;
import blitz.ui.charts.model.TimeRange;

/**
 * The Plot view against a real in-memory client store holding one session of 200 000 readings of one
 * variable (one every 5 ms over 1000 s, with no readings between 500 s and 600 s).
 */
class PlotViewTest {
    private static final long SESSION = 4242;
    private static final int READINGS = 200_000;
    private static final long STEP_MS = 5;
    private static final long GAP_FROM = 500_000;
    private static final long GAP_TO = 600_000;

    @BeforeAll
    static void storeOneLongSession() {
        ClientStore store = PlotFixture.store();
        store.updateSessionList(List.of(new SessionSummary(SESSION, 1_700_000_000_000L,
                OptionalLong.of(1_700_001_000_000L), READINGS)));
        long category = store.getOrCreateCategory("plot_sine");
        ReadingBatch batch = new ReadingBatch(READINGS);
        for (int i = 0; i < READINGS; i++) {
            long time = i * STEP_MS;
            if (time < GAP_FROM || time >= GAP_TO) {
                batch.add(time, category, 100 * Math.sin(time / 20_000.0) + i % 7);
            }
        }
        store.addReadings(SESSION, batch);
        store.updateSessionAvailability(SESSION);
    }

    private static List<PlotFixture.Query> openSession(PlotFixture ui) {
        int before = PlotFixture.queries().size();
        long started = System.nanoTime();
        ui.view.model().showSession(SESSION);
        UiFixture.waitUntil("the session is plotted", 20_000, () -> !ui.view.model().series().isEmpty());
        System.out.printf("session of %d readings plotted in %d ms%n", READINGS, (System.nanoTime() - started) / 1_000_000);
        return PlotFixture.queries().subList(before, PlotFixture.queries().size());
    }

    @Test
    void asksForOneBucketPerPixelColumnAndNeverMore() {
        try (PlotFixture ui = new PlotFixture()) {
            List<PlotFixture.Query> queries = openSession(ui);
            int width = ui.view.model().requestWidth();
            int canvasWidth = ui.canvas().getClientArea().width;
            assertTrue(width > 300 && width < canvasWidth, "plot width " + width + " of canvas " + canvasWidth);
            assertFalse(queries.isEmpty());
            for (PlotFixture.Query query : queries) {
                assertTrue(query.width() <= canvasWidth, "a query asked for more buckets than pixels: " + query);
                assertTrue(query.answered() <= query.width(), query.toString());
            }
            PlotFixture.Query last = queries.get(queries.size() - 1);
            // the whole session, from its start to its end, in whole pixel columns
            assertEquals(new TimeRange(0, 1_000_001), ui.view.model().range());
            long column = last.to() / last.width();
            assertEquals(0, last.from());
            assertTrue(last.to() >= 1_000_001 && last.to() - column < 1_000_001, last.toString());
            assertTrue(last.width() <= width && last.width() >= width - 1, last + " for " + width + " columns");
            List<Bucket> buckets = ui.view.model().series().get(0).buckets();
            // the gap (a tenth of the session) has no buckets; every other pixel column has one
            assertTrue(buckets.size() > width * 0.85 && buckets.size() < width * 0.92,
                    buckets.size() + " buckets for " + width + " columns");
            assertEquals(READINGS - (GAP_TO - GAP_FROM) / STEP_MS, buckets.stream().mapToLong(Bucket::count).sum());
        }
    }

    @Test
    void wheelAndDragQueryTheNewRangeAndDropStaleAnswers() {
        try (PlotFixture ui = new PlotFixture()) {
            openSession(ui);
            Canvas canvas = ui.canvas();
            TimeRange whole = ui.view.model().range();
            Rectangle area = canvas.getClientArea();
            Event wheel = new Event();
            wheel.x = area.width / 2;
            wheel.y = area.height / 2;
            wheel.count = 3;
            for (int i = 0; i < 8; i++) { // a burst: only the last range's answer may be drawn
                canvas.notifyListeners(SWT.MouseWheel, wheel);
            }
            TimeRange zoomed = ui.view.model().range();
            assertTrue(zoomed.span() < whole.span() / 5, zoomed + " after zooming into " + whole);
            UiFixture.waitUntil("the zoomed range is drawn", 20_000, () -> ui.view.model().upToDate());
            assertTrue(lastQueried().from() <= zoomed.from() && lastQueried().to() >= zoomed.to(),
                    lastQueried() + " for " + zoomed);
            assertTrue(inRange(ui.view.model().series(), zoomed, lastQueried()));

            Event press = new Event();
            press.button = 1;
            press.x = 400;
            press.y = 200;
            canvas.notifyListeners(SWT.MouseDown, press);
            Event move = new Event();
            move.x = 300;
            move.y = 200;
            canvas.notifyListeners(SWT.MouseMove, move);
            canvas.notifyListeners(SWT.MouseUp, move);
            TimeRange panned = ui.view.model().range();
            assertEquals(zoomed.span(), panned.span());
            long expected = Math.round(100.0 * zoomed.span() / ui.view.model().requestWidth());
            assertEquals(expected, panned.from() - zoomed.from(), 1, "dragging left by 100 px moves later");
            UiFixture.waitUntil("the panned range is drawn", 20_000, () -> ui.view.model().upToDate());
            assertTrue(inRange(ui.view.model().series(), panned, new TimeRange(zoomed.from(), lastQueried().to())));
        }
    }

    @Test
    void panAsksOnlyForTheColumnsThatCameIntoViewAndZoomAsksAgain() {
        try (PlotFixture ui = new PlotFixture()) {
            openSession(ui);
            Canvas canvas = ui.canvas();
            Rectangle area = canvas.getClientArea();
            Event wheel = new Event();
            wheel.x = area.width / 2;
            wheel.y = area.height / 2;
            wheel.count = 3;
            canvas.notifyListeners(SWT.MouseWheel, wheel);
            canvas.notifyListeners(SWT.MouseWheel, wheel);
            UiFixture.waitUntil("the zoomed range is drawn", 20_000, () -> ui.view.model().upToDate());
            int width = ui.view.model().requestWidth();
            PlotFixture.Query zoomQuery = PlotFixture.queries().get(PlotFixture.queries().size() - 1);
            long column = (zoomQuery.to() - zoomQuery.from()) / zoomQuery.width();
            assertTrue(zoomQuery.width() >= width - 1, zoomQuery + " for " + width + " columns");

            // drag right by 40 px, twice: each step asks only for the about 40 columns that came into view
            for (int step = 1; step <= 2; step++) {
                TimeRange before = ui.view.model().range();
                int asked = PlotFixture.queries().size();
                drag(canvas, 400, 440);
                TimeRange after = ui.view.model().range();
                assertEquals(before.from() - Math.round(40.0 * before.span() / width), after.from(), 1);
                UiFixture.waitUntil("the panned range is drawn", 20_000, () -> ui.view.model().upToDate());
                List<PlotFixture.Query> queries = PlotFixture.queries().subList(asked, PlotFixture.queries().size());
                assertEquals(1, queries.size(), "one query for the new strip: " + queries);
                PlotFixture.Query strip = queries.get(0);
                assertTrue(strip.width() >= 39 && strip.width() <= 41, "asked for " + strip.width() + " columns");
                assertEquals(strip.width() * column, strip.to() - strip.from(), "whole columns of the same grid");
                assertTrue(strip.from() <= after.from() && strip.to() > after.from() && strip.to() <= before.from() + column,
                        strip + " is not the strip between " + after + " and " + before);
            }
            // what the cache puts together equals one query of the same columns
            List<Bucket> drawn = ui.view.model().series().get(0).buckets();
            long first = drawn.get(0).startTime();
            long end = drawn.get(drawn.size() - 1).endTime();
            List<Bucket> direct = PlotFixture.store().buckets(SESSION, category(), first, end,
                    (int) ((end - first) / column));
            assertEquals(direct, drawn);

            // a zoom is a new grid: the whole view is asked for again
            int asked = PlotFixture.queries().size();
            wheel.count = -3;
            canvas.notifyListeners(SWT.MouseWheel, wheel);
            UiFixture.waitUntil("the zoomed-out range is drawn", 20_000, () -> ui.view.model().upToDate());
            List<PlotFixture.Query> queries = PlotFixture.queries().subList(asked, PlotFixture.queries().size());
            PlotFixture.Query whole = queries.get(queries.size() - 1);
            assertTrue(whole.width() >= width - 1, "after a zoom only " + whole.width() + " columns were asked for");
            assertTrue((whole.to() - whole.from()) / whole.width() > column, "the columns did not widen: " + whole);
            assertTrue(inRange(ui.view.model().series(), ui.view.model().range(), new TimeRange(whole.from(), whole.to())));
        }
    }

    private static void drag(Canvas canvas, int fromX, int toX) {
        Event press = new Event();
        press.button = 1;
        press.x = fromX;
        press.y = 200;
        canvas.notifyListeners(SWT.MouseDown, press);
        Event move = new Event();
        move.x = toX;
        move.y = 200;
        canvas.notifyListeners(SWT.MouseMove, move);
        canvas.notifyListeners(SWT.MouseUp, move);
    }

    private static long category() {
        return PlotFixture.store().getOrCreateCategory("plot_sine");
    }

    private static TimeRange lastQueried() {
        List<PlotFixture.Query> queries = PlotFixture.queries();
        PlotFixture.Query last = queries.get(queries.size() - 1);
        return new TimeRange(last.from(), last.to());
    }

    /**
     * @return whether the series start at the range on display (it starts where there are readings) and
     *         hold nothing outside the columns asked for
     */
    private static boolean inRange(List<Series> series, TimeRange range, TimeRange asked) {
        return !series.isEmpty() && series.stream().allMatch(s -> !s.buckets().isEmpty()
                && s.buckets().get(0).startTime() <= range.from() && s.buckets().get(0).endTime() > range.from()
                && s.buckets().stream().allMatch(b -> b.startTime() >= asked.from() && b.endTime() <= asked.to()));
    }

    @Test
    void drawsWhereTheDataIsAndExportsAPng() throws Exception {
        try (PlotFixture ui = new PlotFixture()) {
            openSession(ui);
            UiFixture.spin(100);
            ImageData image = ui.view.snapshot();
            Rectangle plot = ChartPainter.plotArea(new Rectangle(0, 0, image.width, image.height), 1);
            TimeRange range = ui.view.model().range();
            int inGap = plot.x + (int) ((GAP_FROM + GAP_TO) / 2 * (long) plot.width / range.span());
            int beforeGap = plot.x + (int) (GAP_FROM / 2 * (long) plot.width / range.span());
            int afterGap = plot.x + (int) ((GAP_TO + range.to()) / 2 * (long) plot.width / range.span());
            assertTrue(drawnPixels(image, plot, beforeGap) > 0, "no data drawn at x=" + beforeGap);
            assertTrue(drawnPixels(image, plot, afterGap) > 0, "no data drawn at x=" + afterGap);
            assertEquals(0, drawnPixels(image, plot, inGap), "something drawn in the gap at x=" + inGap);

            Path file = Path.of(System.getProperty("blitz.test.workdir", "target/work"), "plot.png");
            Files.createDirectories(file.getParent());
            ui.view.exportPng(file);
            byte[] bytes = Files.readAllBytes(file);
            assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, Arrays.copyOf(bytes, 4));
            ImageData decoded = new ImageLoader().load(file.toString())[0];
            assertEquals(image.width, decoded.width);
            assertEquals(image.height, decoded.height);
            assertTrue(drawnPixels(decoded, plot, beforeGap) > 0, "the PNG lost the data");
        }
    }

    @Test
    void readsOutTheCursorAndTitlesTheExportAndSaysWhereItWent() throws Exception {
        try (PlotFixture ui = new PlotFixture()) {
            openSession(ui);
            Canvas canvas = ui.canvas();
            Rectangle plot = ChartPainter.plotArea(canvas.getClientArea(), 1);
            Event move = new Event();
            move.x = plot.x + plot.width / 4;
            move.y = plot.y + plot.height / 2;
            canvas.notifyListeners(SWT.MouseMove, move);
            PlotFrame frame = ui.view.frame();
            List<String> readout = CursorReadout.lines(frame);
            assertEquals(2, readout.size(), readout.toString());
            assertTrue(readout.get(0).matches("\\d+\\.\\d{3} s"), "the time in seconds from the start: " + readout);
            assertTrue(readout.get(1).matches("Plot Sine: -?\\d+(\\.\\d+)?"), "the value under the one name: " + readout);
            assertTrue(frame.axis().title(frame.range(), frame.origin(), false).startsWith("Seconds since"),
                    "the session axis counts seconds from the start");

            canvas.notifyListeners(SWT.MouseExit, new Event());
            assertEquals(null, ui.view.frame().cursor(), "no readout once the pointer left");

            assertTrue(ui.view.title().endsWith(" \u2014 Plot Sine"), ui.view.title());
            Path file = Path.of(System.getProperty("blitz.test.workdir", "target/work"), "plot-titled.png");
            Files.createDirectories(file.getParent());
            ui.view.exportPng(file);
            assertTrue(UiFixture.find(ui.shell(), Label.class).stream()
                    .anyMatch(label -> label.getText().equals("Saved the plot to " + file.toAbsolutePath())),
                    "the view says where the PNG went");
            ImageData exported = new ImageLoader().load(file.toString())[0];
            int dark = 0;
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < exported.width / 2; x++) {
                    RGB rgb = exported.palette.getRGB(exported.getPixel(x, y));
                    dark += rgb.red + rgb.green + rgb.blue < 200 ? 1 : 0;
                }
            }
            assertTrue(dark > 50, "a title line above the chart: " + dark + " dark pixels");
        }
    }

    /** @return pixels of one column strictly inside the plot frame that are not the white background */
    private static int drawnPixels(ImageData image, Rectangle plot, int x) {
        RGB white = new RGB(255, 255, 255);
        int drawn = 0;
        for (int y = plot.y + 1; y < plot.y + plot.height; y++) {
            if (!image.palette.getRGB(image.getPixel(x, y)).equals(white)) {
                drawn++;
            }
        }
        return drawn;
    }
}
