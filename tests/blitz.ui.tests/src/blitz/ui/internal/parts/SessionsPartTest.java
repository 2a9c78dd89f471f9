// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import blitz.model.Session;
import blitz.model.client.ClientStore;
import blitz.ui.internal.Names;
import blitz.testing.swt.UiFixture;
import blitz.ui.internal.WithoutComponent;

/** Sessions shows the mirrored list of a real client store (in memory, with the original's fixtures). */
class SessionsPartTest {
    private static ClientStore store;

    @BeforeAll
    static void loadFixtures() {
        store = TestStore.memory();
    }

    @Test
    void listsTheStoredSessionsNewestFirst() throws Exception {
        List<Session> stored = store.all(Session.class);
        assertFalse(stored.isEmpty(), "the fixtures hold sessions");
        try (WithoutComponent noSync = WithoutComponent.disable("blitz.client.internal.SessionSyncService");
                UiFixture ui = new UiFixture()) {
            ui.make(SessionsPart.class);
            Table table = ui.table();
            assertEquals(List.of("Stored", "ID", "Messages", "Start", "End"),
                    Arrays.stream(table.getColumns()).map(TableColumn::getText).toList());
            UiFixture.waitUntil("the stored sessions listed", 10_000, () -> table.getItemCount() == stored.size());
            List<List<String>> rows = UiFixture.rows(table);
            Session newest = stored.stream().max((a, b) -> Long.compare(a.refId(), b.refId())).orElseThrow();
            assertEquals(List.of(newest.available() ? "✓" : "X", Long.toString(newest.refId()),
                    Long.toString(newest.numberOfReadings())), rows.get(0).subList(0, 3),
                    "the runtime's count is the session's messages");
            assertEquals(Names.time(newest.timeStarted()), rows.get(0).get(3));

            // No session sync service runs here: the view says so and offers no operation.
            List<String> labels = UiFixture.find(ui.shell(), Label.class).stream().map(Label::getText).toList();
            assertTrue(labels.contains(SessionsPart.NO_SYNC), labels::toString);
            table.select(0);
            table.notifyListeners(SWT.Selection, new Event());
            UiFixture.spin(50);
            List<String> syncOperations = List.of("Download", "Export CSV…", "Delete", "Re-decode");
            for (Button button : UiFixture.find(ui.shell(), Button.class)) {
                if (syncOperations.contains(button.getText())) {
                    assertFalse(button.isEnabled(), button.getText() + " is enabled without session sync");
                }
            }
            ui.screenshot("sessions");
        }
    }
}
