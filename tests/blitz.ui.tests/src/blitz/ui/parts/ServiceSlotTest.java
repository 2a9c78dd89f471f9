// SPDX-License-Identifier: EPL-2.0
package blitz.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;

import blitz.testing.swt.UiFixture;

/**
 * A slot reacts on the UI thread only once the view's controls exist, keeps one listener on its value
 * at a time, and does nothing more once the view is disposed.
 */
class ServiceSlotTest {
    private final List<String> events = new ArrayList<>();

    private ServiceSlot<String> slot() {
        return ServiceSlot.of(() -> events.add("changed"), (value, display) -> {
            events.add("bound " + value);
            return () -> events.add("closed " + value);
        });
    }

    @Test
    void bindsTheValueItHoldsAndRebindsWhenItChanges() throws Exception {
        Display display = UiFixture.display();
        ServiceSlot<String> slot = slot();
        slot.set("first"); // injected before the controls exist: nothing happens yet
        assertEquals(List.of(), events);
        slot.open(display);
        assertEquals(List.of("bound first", "changed"), events);

        Thread osgi = new Thread(() -> slot.set("second"), "service-event");
        osgi.start();
        osgi.join();
        UiFixture.waitUntil("the change reached the UI thread", 5_000, () -> events.size() == 5);
        assertEquals(List.of("closed first", "bound second", "changed"), events.subList(2, 5));

        slot.set(null);
        UiFixture.waitUntil("the service left", 5_000, () -> events.size() == 7);
        assertEquals(List.of("closed second", "changed"), events.subList(5, 7));
        assertNull(slot.get());
    }

    @Test
    void aClosedSlotClosesItsListenerAndIgnoresLaterValues() {
        ServiceSlot<String> slot = slot();
        slot.set("only");
        slot.open(UiFixture.display());
        slot.close();
        slot.set("late");
        UiFixture.spin(100);
        assertEquals(List.of("bound only", "changed", "closed only"), events);
    }
}
