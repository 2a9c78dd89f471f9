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

/**
 * Preferences ▸ Live updates stores the live poll period where the connection reads it, keeping the
 * rest. The test writes a configuration of its own: changing the running connection's would restart
 * the client's components under the other tests.
 */
class LivePollPageTest {
    private static final String TEST_PID = "blitz.ui.tests.connection";

    @Test
    void theConnectionsSettingIsTheOneEdited() {
        assertEquals("blitz.client.connection", LivePollPage.PID);
        assertEquals("updatePeriodMs", LivePollPage.ATTRIBUTE);
        assertEquals("livePeriodMs", LivePollPage.LIVE_ATTRIBUTE);
    }

    @Test
    void storesThePeriodInTheConnectionsConfiguration() throws Exception {
        ConfigurationAdmin admin = Osgi.await(ConfigurationAdmin.class);
        Configuration connection = admin.getConfiguration(TEST_PID, "?");
        connection.update(new Hashtable<>(Map.of("timeoutMs", 2500)));
        try (UiFixture ui = new UiFixture()) {
            LivePollPage page = new LivePollPage(admin, TEST_PID);
            page.createControl(ui.shell());
            Spinner live = UiFixture.find(ui.shell(), Spinner.class).get(0);
            Spinner period = UiFixture.find(ui.shell(), Spinner.class).get(1);
            assertEquals(LivePollPage.LIVE_DEFAULT_MS, live.getSelection(), "the client's 50 ms until set");
            assertEquals(LivePollPage.DEFAULT_MS, period.getSelection(), "the original's 1 s until set");
            live.setSelection(200);
            period.setSelection(100);
            assertTrue(page.performOk());
            assertEquals(100, admin.getConfiguration(TEST_PID, "?").getProperties().get(LivePollPage.ATTRIBUTE));
            assertEquals(200, admin.getConfiguration(TEST_PID, "?").getProperties().get(LivePollPage.LIVE_ATTRIBUTE));
            assertEquals(2500, admin.getConfiguration(TEST_PID, "?").getProperties().get("timeoutMs"),
                    "the connection's other settings stay");
        } finally {
            connection.delete();
        }
    }
}
