// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.Map;

import org.eclipse.swt.widgets.Spinner;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import blitz.testing.Osgi;
import blitz.testing.swt.UiFixture;
import blitz.ui.preferences.PreferencePageContribution;

/** Preferences ▸ Live updates stores the live poll period where the connection reads it, keeping the rest. */
class LivePollPageTest {

    @Test
    void storesThePeriodInTheConnectionsConfiguration() throws Exception {
        ConfigurationAdmin admin = Osgi.await(ConfigurationAdmin.class);
        Configuration connection = admin.getConfiguration(LivePollPage.PID, "?");
        connection.update(new Hashtable<>(Map.of("timeoutMs", 2500)));
        try (UiFixture ui = new UiFixture()) {
            LivePollPage page = new LivePollPage(admin);
            page.createControl(ui.shell());
            Spinner period = UiFixture.find(ui.shell(), Spinner.class).get(0);
            assertEquals(LivePollPage.DEFAULT_MS, period.getSelection(), "the original's 1 s until set");
            period.setSelection(100);
            assertTrue(page.performOk());
            assertEquals(100, admin.getConfiguration(LivePollPage.PID, "?").getProperties().get(LivePollPage.ATTRIBUTE));
            assertEquals(2500, admin.getConfiguration(LivePollPage.PID, "?").getProperties().get("timeoutMs"),
                    "the connection's other settings stay");
        } finally {
            connection.delete();
            // the connection's components restart on the change: let the pages that need them come back
            UiFixture.spin(1_000);
            Osgi.await(PreferencePageContribution.class, page -> page.id().equals(AlarmsPage.ID));
        }
    }
}
