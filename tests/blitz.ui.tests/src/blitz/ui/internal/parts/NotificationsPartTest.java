// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

import blitz.model.Notification;
import blitz.ui.internal.Names;
import blitz.model.client.ClientStore;
import blitz.testing.swt.UiFixture;

/** Notifications lists the store's notifications; Dismiss and Clear all remove them from the store. */
class NotificationsPartTest {

    @Test
    void listsHandlesAndClears() {
        ClientStore store = TestStore.memory();
        store.clearErrors();
        store.logError("first problem", Notification.WARNING);
        store.logError("second problem", Notification.ERROR);
        try (UiFixture ui = new UiFixture()) {
            ui.make(NotificationsPart.class);
            Table table = ui.table();
            UiFixture.waitUntil("two notifications listed", 10_000, () -> table.getItemCount() == 2);
            List<List<String>> rows = UiFixture.rows(table);
            assertEquals(List.of("Error", "second problem"), List.of(rows.get(0).get(0), rows.get(0).get(2)));
            assertEquals(List.of("Warning", "first problem"), List.of(rows.get(1).get(0), rows.get(1).get(2)));

            table.select(1);
            table.notifyListeners(SWT.Selection, new Event());
            Text detail = UiFixture.find(ui.shell(), Text.class).get(0);
            assertTrue(detail.getText().endsWith("\nfirst problem"), "the detail pane shows it in full: " + detail.getText());
            click(ui, NotificationsPart.DISMISS);
            UiFixture.waitUntil("one notification left in the store and the table", 10_000,
                    () -> store.all(Notification.class).size() == 1 && table.getItemCount() == 1);
            assertEquals("second problem", store.all(Notification.class).get(0).description());

            click(ui, "Clear all");
            UiFixture.waitUntil("no notification left", 10_000,
                    () -> store.all(Notification.class).isEmpty() && table.getItemCount() == 0);
        }
    }

    @Test
    void epochTimesInDescriptionsAreWrittenAsLocalTimes() {
        long at = 1_800_000_000_000L;
        assertEquals("Session 3 gap: " + Names.time(at) + " serial:x 08 SKIPPED 4",
                NotificationsPart.readable("Session 3 gap: " + at + " serial:x 08 SKIPPED 4"));
        assertEquals("board 08 sent 1234567 lines", NotificationsPart.readable("board 08 sent 1234567 lines"));
    }

    private static void click(UiFixture ui, String text) {
        Button button = UiFixture.find(ui.shell(), Button.class).stream().filter(b -> b.getText().equals(text))
                .findFirst().orElseThrow();
        UiFixture.waitUntil(text + " enabled", 5_000, button::isEnabled);
        button.notifyListeners(SWT.Selection, new Event());
    }
}
