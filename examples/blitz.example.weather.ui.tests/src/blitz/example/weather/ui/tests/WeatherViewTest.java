// SPDX-License-Identifier: EPL-2.0
package blitz.example.weather.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

import blitz.example.weather.ui.WeatherView;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;

/** The example view in a real SWT shell (Xvfb in the test command), fed by a live-values stand-in. */
class WeatherViewTest {

    /** Live values as the workbench's service delivers them, driven by the test. */
    private static final class Feed implements LiveValues {
        final List<LiveVariable> latest = new ArrayList<>();
        final List<Consumer<List<LiveVariable>>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public List<LiveVariable> latest() {
            return List.copyOf(latest);
        }

        @Override
        public double[] history(String variableName) {
            return new double[0];
        }

        @Override
        public void setTransforms(String variableName, List<String> transforms) {
        }

        @Override
        public List<String> transforms(String variableName) {
            return List.of();
        }

        @Override
        public void clear() {
        }

        @Override
        public AutoCloseable subscribe(Consumer<List<LiveVariable>> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }

    private static List<String> texts(Shell shell) {
        List<String> texts = new ArrayList<>();
        for (Control child : shell.getChildren()) {
            if (child instanceof Label label) {
                texts.add(label.getText());
            }
        }
        return texts;
    }

    private static void spin(Display display) {
        for (int i = 0; i < 50; i++) {
            while (display.readAndDispatch()) {
                // drain the queue
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void showsTheStationsLatestValuesAndIgnoresOtherBoards() {
        assertNotNull(System.getenv("DISPLAY"), "the view test needs an X display (releng/run-tests.sh starts Xvfb)");
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            Feed feed = new Feed();
            feed.latest.add(new LiveVariable("air_temperature", "°C", 21.5, 1, 0x20));
            WeatherView view = new WeatherView();
            view.setLiveValues(feed); // E4 injects before the controls exist
            view.createControls(shell);
            spin(display);
            List<String> shown = texts(shell);
            assertEquals("Live from the weather station", shown.get(0));
            assertTrue(shown.contains("21.50 °C"), shown.toString());

            feed.listeners.forEach(l -> l.accept(List.of(new LiveVariable("wind_speed", "m/s", 17.9, 2, 0x20),
                    new LiveVariable("rain_detected", "", 1, 2, 0x20),
                    new LiveVariable("air_temperature", "°C", -40, 2, 0x08))));
            spin(display);
            shown = texts(shell);
            assertTrue(shown.containsAll(List.of("17.90 m/s", "yes", "21.50 °C")), shown.toString());
            assertTrue(!shown.contains("-40.00 °C"), "another board's variable of the same name is not the station's");

            view.setLiveValues(null);
            assertEquals(0, feed.listeners.size(), "unsubscribed when the service leaves");
            view.dispose();
        } finally {
            shell.dispose();
        }
    }
}
