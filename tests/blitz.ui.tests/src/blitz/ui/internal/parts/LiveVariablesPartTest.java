// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.eclipse.swt.graphics.RGB;
import blitz.model.decoder.DecoderRegistry;
import blitz.ui.variables.VariableLook;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import blitz.client.alarms.AlarmRule;
import blitz.client.alarms.AlarmService;
import blitz.model.Notification;
import blitz.model.client.ClientStore;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import blitz.testing.swt.LiveFeed;
import blitz.testing.swt.UiFixture;
import blitz.ui.internal.WithoutComponent;

/**
 * Live variables says when no live values service runs, picks one up when it appears, redraws at
 * most about ten times a second however fast values arrive, and shows the real alarm engine's state.
 */
class LiveVariablesPartTest {

    @Test
    void showsLatestValuesAtAtMostTenRedrawsASecond() throws Exception {
        try (WithoutComponent noLiveValues = WithoutComponent.disable("blitz.client.internal.LiveValuesService");
                UiFixture ui = new UiFixture()) {
            LiveVariablesPart part = ui.make(LiveVariablesPart.class);
            Label state = UiFixture.find(ui.shell(), Label.class).get(0);
            assertEquals(LiveVariablesPart.NOT_AVAILABLE, state.getText());

            LiveFeed feed = new LiveFeed();
            ServiceRegistration<LiveValues> registration = FrameworkUtil.getBundle(getClass()).getBundleContext()
                    .registerService(LiveValues.class, feed, null);
            try {
                UiFixture.waitUntil("the view took the service", 10_000, () -> state.getText().isEmpty());
                Thread poller = new Thread(() -> {
                    for (int i = 1; i <= 1000; i++) {
                        feed.publish(new LiveVariable("adc_channel_one", "V", i, System.currentTimeMillis(), 8));
                        if (i % 10 == 0) {
                            sleep(10);
                        }
                    }
                }, "test-poller");
                int before = part.refreshes();
                long start = System.currentTimeMillis();
                poller.start();
                Table table = ui.table();
                UiFixture.waitUntil(() -> "the last value shown: " + UiFixture.rows(table), 20_000,
                        () -> !poller.isAlive() && table.getItemCount() == 1
                                && UiFixture.rows(table).get(0).get(1).equals("1000"));
                long elapsed = System.currentTimeMillis() - start;
                int redraws = part.refreshes() - before;
                assertTrue(redraws <= elapsed / LiveVariablesPart.MIN_REFRESH_MS + 2,
                        redraws + " redraws in " + elapsed + " ms for 1000 values");
                assertEquals(List.of("Adc Channel One", "1000", "V"), UiFixture.rows(table).get(0).subList(0, 3),
                        "the Plot's name, and a count without decimals");
                int rgb = VariableLook.of(UiFixture.service(DecoderRegistry.class)).rgb("adc_channel_one");
                assertEquals(new RGB(rgb >> 16, rgb >> 8 & 0xff, rgb & 0xff), table.getItem(0).getForeground(0).getRGB(),
                        "the Plot's colour");
            } finally {
                registration.unregister();
            }
            UiFixture.waitUntil("the view noticed the service left", 10_000,
                    () -> state.getText().equals(LiveVariablesPart.NOT_AVAILABLE));
        }
    }

    @Test
    void showsTheAlarmStateOfVariablesWithARule() throws Exception {
        ClientStore store = TestStore.memory();
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        try (WithoutComponent noLiveValues = WithoutComponent.disable("blitz.client.internal.LiveValuesService");
                UiFixture ui = new UiFixture()) {
            LiveFeed feed = new LiveFeed();
            ServiceRegistration<LiveValues> registration = context.registerService(LiveValues.class, feed, null);
            AlarmService alarms = null;
            try {
                long feedId = (Long) registration.getReference().getProperty(Constants.SERVICE_ID);
                UiFixture.waitUntil("the real alarm engine watches the feed", 30_000, () -> {
                    ServiceReference<AlarmService> engine = context.getServiceReference(AlarmService.class);
                    return engine != null && (Long) engine.getProperty(Constants.SERVICE_ID) > feedId;
                });
                alarms = context.getService(context.getServiceReference(AlarmService.class));
                alarms.setRules(List.of(new AlarmRule("adc_channel_one", 0, 3000, 50, Notification.WARNING, true)));
                store.clearErrors();
                ui.make(LiveVariablesPart.class);
                Table table = ui.table();
                assertEquals("Alarm", table.getColumn(4).getText());

                feed.publish(new LiveVariable("adc_channel_one", "", 4000, System.currentTimeMillis(), 8));
                feed.publish(new LiveVariable("adc_channel_two", "", 5, System.currentTimeMillis(), 8));
                UiFixture.waitUntil(() -> "channel one is HIGH, two has no rule: " + UiFixture.rows(table), 10_000,
                        () -> alarmColumn(table).equals(List.of("HIGH", "")));
                UiFixture.spin(300); // let the table paint before the picture
                ui.screenshot("live-variables-alarm");
                feed.publish(new LiveVariable("adc_channel_one", "", 2000, System.currentTimeMillis(), 8));
                UiFixture.waitUntil(() -> "channel one back to OK: " + UiFixture.rows(table), 10_000,
                        () -> alarmColumn(table).equals(List.of("OK", "")));
                UiFixture.waitUntil("the alarm and its end were notified", 10_000,
                        () -> store.all(Notification.class).size() == 2);
                assertEquals(List.of(Notification.WARNING, Notification.INFO),
                        store.all(Notification.class).stream().map(Notification::severity).toList());
            } finally {
                if (alarms != null) {
                    alarms.setRules(List.of());
                }
                registration.unregister();
            }
        }
    }

    private static List<String> alarmColumn(Table table) {
        return UiFixture.rows(table).stream().map(row -> row.get(4)).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
