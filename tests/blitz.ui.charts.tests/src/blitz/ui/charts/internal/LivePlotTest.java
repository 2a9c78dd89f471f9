// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import blitz.model.Notification;
import blitz.model.sync.LiveSource;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import blitz.testing.swt.LiveFeed;
import blitz.testing.swt.UiFixture;
import blitz.ui.charts.model.PlotModel;
import blitz.ui.charts.model.Series;
import blitz.ui.charts.model.SessionMarkers.Kind;
import blitz.ui.charts.model.SessionMarkers.Marker;

/** Live mode plots the history the live values service holds for the ticked variables. */
class LivePlotTest {

    /** @return live values of a fixed ramp: 100 points over the last 10 s, in volts */
    private static LiveFeed ramp() {
        long now = System.currentTimeMillis();
        LiveFeed ramp = new LiveFeed();
        ramp.publish(new LiveVariable("supply_voltage", "V", 99, now, 8));
        double[] history = new double[200];
        for (int i = 0; i < 100; i++) {
            history[2 * i] = now - 10_000 + i * 100;
            history[2 * i + 1] = i;
        }
        ramp.setHistory("supply_voltage", history);
        return ramp;
    }

    @Test
    void plotsTheHistoryOfTheTickedVariables() {
        // mirrored from the runtime as ConnectionNotifications does, just before the values below
        int readsBefore = PlotFixture.notificationReads().size();
        Notification started = PlotFixture.store().logError("Runtime tcp://127.0.0.1:8999: Session 77 started",
                Notification.INFO);
        LiveFeed ramp = ramp();
        ServiceRegistration<LiveValues> registration = FrameworkUtil.getBundle(getClass()).getBundleContext()
                .registerService(LiveValues.class, ramp,
                        new Hashtable<>(Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE)));
        try (PlotFixture ui = new PlotFixture()) {
            Button live = UiFixture.find(ui.shell(), Button.class).stream()
                    .filter(button -> button.getText().equals("Live")).findFirst().orElseThrow();
            live.setSelection(true);
            live.notifyListeners(SWT.Selection, new Event());
            Table variables = UiFixture.find(ui.shell(), Table.class).get(0);
            UiFixture.waitUntil("the live variable is listed", 5_000, () -> variables.getItemCount() == 1);
            assertEquals("Supply Voltage", variables.getItem(0).getText(), "the one name every view shows");
            assertEquals("supply_voltage", variables.getItem(0).getData());
            variables.getItem(0).setChecked(true);
            Event check = new Event();
            check.detail = SWT.CHECK;
            check.item = variables.getItem(0);
            variables.notifyListeners(SWT.Selection, check);
            UiFixture.waitUntil("the history is plotted", 5_000, () -> !ui.view.model().series().isEmpty());
            Series plotted = ui.view.model().series().get(0);
            assertEquals("V", plotted.unit());
            assertEquals(100, plotted.buckets().size());
            assertEquals(PlotModel.LIVE_WINDOW_MS + 1, ui.view.model().range().span());

            ImageData image = ui.view.snapshot();
            RGB white = new RGB(255, 255, 255);
            int drawn = 0;
            // the last tenth of the plot holds the ramp; the rest of the minute is empty
            for (int x = image.width - 70; x < image.width - 20; x++) {
                for (int y = 40; y < image.height - 45; y++) {
                    if (!image.palette.getRGB(image.getPixel(x, y)).equals(white)) {
                        drawn++;
                    }
                }
            }
            assertTrue(drawn > 20, "only " + drawn + " pixels of the ramp drawn");

            UiFixture.waitUntil("the session's start is marked", 5_000, () -> ui.view.model().markers().stream()
                    .anyMatch(marker -> marker.label().equals("Session 77 started")));
            Marker start = ui.view.model().markers().stream().filter(marker -> marker.label().equals("Session 77 started"))
                    .findFirst().orElseThrow();
            assertEquals(Kind.START, start.kind());
            image = ui.view.snapshot();
            Rectangle plot = ChartPainter.plotArea(new Rectangle(0, 0, image.width, image.height), 1);
            int x = ChartPainter.x(plot, ui.view.model().range(), start.from());
            int marked = 0;
            for (int y = plot.y + 1; y < plot.y + plot.height; y++) {
                if (image.palette.getRGB(image.getPixel(x, y)).equals(ChartPainter.START_COLOUR)) {
                    marked++;
                }
            }
            assertTrue(marked > plot.height / 2, "no start line at x=" + x + " (" + marked + " pixels)");

            // later reads ask only for what was logged after the start, and add it
            PlotFixture.store().logError("Runtime tcp://127.0.0.1:8999: Session 77 stopped", Notification.INFO);
            UiFixture.waitUntil("the session's stop is marked", 5_000, () -> ui.view.model().markers().stream()
                    .anyMatch(marker -> marker.label().equals("Session 77 stopped")));
            assertEquals(1, ui.view.model().markers().stream().filter(marker -> marker.label().equals("Session 77 started"))
                    .count(), "the start is read once");
            List<Long> reads = PlotFixture.notificationReads().subList(readsBefore,
                    PlotFixture.notificationReads().size());
            assertFalse(reads.contains(-1L), "live mode never reads every notification: " + reads);
            assertTrue(reads.stream().anyMatch(after -> after >= started.id()), "no read after the start: " + reads);

            ramp.setSource(LiveSource.replay(3, 10));
            UiFixture.waitUntil("the plot says it shows a replay", 5_000, () -> UiFixture.find(ui.shell(),
                    Label.class).stream().anyMatch(label -> label.getText().equals("Replay of session 3 at 10×")));
        } finally {
            registration.unregister();
        }
    }
}
