// SPDX-License-Identifier: EPL-2.0
package blitz.client.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import blitz.client.alarms.AlarmRule;
import blitz.client.alarms.AlarmService;
import blitz.client.alarms.AlarmState;
import blitz.model.Notification;
import blitz.model.client.ClientStore;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.testing.Osgi;

/**
 * The alarm engine on live values polled at 20 Hz from a peer answering as the original logger, with
 * its rules and notifications in the real client store on Derby files.
 */
class AlarmEngineTest {
    private static final String CHANNEL = "adc_channel_one";

    @TempDir
    static Path folder;
    private static LoggerConnection connection;
    private static ClientStore store;
    private static AlarmService alarms;
    private OriginalLoggerPeer peer;

    @BeforeAll
    static void services() throws Exception {
        connection = ClientServices.configuredConnection();
        String database = folder.resolve("alarms-db").toString();
        new Osgi().configure("blitz.client.store", Map.of("database", database));
        ServiceReference<?> storeReference = newest("(&(objectClass=" + ClientStore.class.getName() + ")(database="
                + database + "))", 0);
        store = (ClientStore) Osgi.context().getService(storeReference);
        // the engine needs the store: it comes back (a new registration) bound to this test's store
        alarms = (AlarmService) Osgi.context().getService(
                newest("(objectClass=" + AlarmService.class.getName() + ")", id(storeReference)));
    }

    @AfterAll
    static void backToMemory() throws Exception {
        ClientServices.inMemoryStore();
    }

    /** Waits for a service registered after {@code afterId}: one bound to the store of this test. */
    private static ServiceReference<?> newest(String filter, long afterId) throws Exception {
        List<ServiceReference<?>> found = new ArrayList<>();
        assertTrue(Osgi.waitFor(() -> {
            found.clear();
            try {
                ServiceReference<?>[] references = Osgi.context().getServiceReferences((String) null, filter);
                for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
                    if (id(reference) > afterId) {
                        found.add(reference);
                    }
                }
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new AssertionError(e);
            }
            return !found.isEmpty();
        }, 30_000), "no service " + filter + " after service " + afterId);
        return found.get(0);
    }

    private static long id(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    @BeforeEach
    void startPeer() {
        alarms.setRules(List.of());
        store.clearErrors();
        peer = new OriginalLoggerPeer();
    }

    @AfterEach
    void stopPeer() throws Exception {
        connection.disconnect();
        peer.close();
    }

    /** A board 8 line whose first channel is {@code value} (0..4095). */
    private static String line(int index, int value) {
        return String.format("08A0%08X%03X0000000000000", index * 10, value);
    }

    /**
     * Waits until the peer served {@code lines} live lines and was asked once more: the poller asks
     * again only after the previous reply went through the live values to their subscribers.
     */
    private boolean servedAndDecoded(int lines) throws InterruptedException {
        return Osgi.waitFor(() -> updates() > lines, 15_000);
    }

    private long updates() {
        return peer.received().stream().filter(request -> request.startsWith("UPDATE")).count();
    }

    /** Serves {@code lines} more live lines (after those already served) and waits until all were decoded. */
    private void serveMore(List<String> lines) throws InterruptedException {
        List<String> all = new ArrayList<>(peer.liveLines());
        all.addAll(lines);
        long before = updates();
        peer.setLiveLines(all);
        assertTrue(Osgi.waitFor(() -> updates() > before + lines.size(), 15_000), "lines polled: " + peer.received());
    }

    /** Starts a session on the peer serving {@code lines}, and waits until all were decoded. */
    private void session(List<String> lines) throws InterruptedException {
        peer.setLiveLines(lines);
        long before = updates();
        assertTrue(connection.start().ok());
        // the poller asks again only after the previous reply went through the live values to their subscribers
        assertTrue(Osgi.waitFor(() -> updates() > before + lines.size(), 15_000), "lines polled: " + peer.received());
    }

    private static List<String> descriptions(String variable) throws InterruptedException {
        Thread.sleep(300); // notifications are written by a thread of their own; a stray one shows by now
        return about(variable).stream().map(Notification::description).toList();
    }

    private static List<Notification> about(String variable) {
        return store.all(Notification.class).stream().filter(n -> n.description().contains(variable)).toList();
    }

    @Test
    void shouldRaiseOneAlarmAndOneReturnWhileValuesArriveAt20Hz() throws Exception {
        alarms.setRules(List.of(new AlarmRule(CHANNEL, Double.NEGATIVE_INFINITY, 3000, 100, Notification.ERROR, true)));
        List<String> lines = new ArrayList<>();
        int[] values = new int[60];
        for (int i = 0; i < values.length; i++) {
            // normal, then far above, then wobbling across the threshold inside the hysteresis, then normal
            values[i] = i < 10 ? 2000 : i < 25 ? 3500 : i < 45 ? (i % 2 == 0 ? 3020 : 2950) : 2000;
            lines.add(line(i, values[i]));
        }
        peer.setLiveLines(lines);
        connection.connect(Endpoint.of("127.0.0.1", peer.port()));
        connection.start();
        assertTrue(Osgi.waitFor(() -> alarms.state(CHANNEL).equals(Optional.of(AlarmState.HIGH)), 10_000),
                "the alarm is raised: " + alarms.state(CHANNEL));
        assertTrue(servedAndDecoded(values.length), "every line was polled: " + peer.received());
        assertEquals(Optional.of(AlarmState.NORMAL), alarms.state(CHANNEL));
        assertTrue(Osgi.waitFor(() -> about(CHANNEL).size() >= 2, 5_000), "" + about(CHANNEL));
        Thread.sleep(300); // a flood would show by now
        List<Notification> notifications = about(CHANNEL);
        assertEquals(2, notifications.size(), "one alarm and one return, not one per value: " + notifications);
        assertEquals(Notification.ERROR, notifications.get(0).severity());
        assertTrue(notifications.get(0).description().contains("above its high threshold 3000.0"),
                notifications.get(0).description());
        assertEquals(Notification.INFO, notifications.get(1).severity());
        assertTrue(notifications.get(1).description().contains("back to normal at 2000.0"),
                notifications.get(1).description());
    }

    @Test
    void shouldTreatAJumpAcrossTheRangeAsANewAlarm() throws Exception {
        alarms.setRules(List.of(new AlarmRule(CHANNEL, 1000, 3000, 0, Notification.WARNING, true)));
        peer.setLiveLines(List.of(line(0, 2000), line(1, 500), line(2, 500), line(3, 3500), line(4, 2000)));
        connection.connect(Endpoint.of("127.0.0.1", peer.port()));
        connection.start();
        assertTrue(servedAndDecoded(5), "every line was polled: " + peer.received());
        assertTrue(Osgi.waitFor(() -> about(CHANNEL).size() >= 3, 5_000), "" + about(CHANNEL));
        List<String> descriptions = about(CHANNEL).stream().map(Notification::description).toList();
        assertEquals(3, descriptions.size(), "" + descriptions);
        assertTrue(descriptions.get(0).contains("below its low threshold 1000.0"), descriptions.get(0));
        assertTrue(descriptions.get(1).contains("above its high threshold 3000.0"), descriptions.get(1));
        assertTrue(descriptions.get(2).contains("back to normal"), descriptions.get(2));
    }

    /**
     * An alarm raised in one session is not carried into the next: there the first value out of range
     * raises its own alarm, and a first value in range (even inside the hysteresis) says nothing.
     */
    @Test
    void shouldStartEverySessionWithoutTheLastOnesAlarms() throws Exception {
        alarms.setRules(List.of(new AlarmRule(CHANNEL, Double.NEGATIVE_INFINITY, 3000, 100, Notification.ERROR, true)));
        connection.connect(Endpoint.of("127.0.0.1", peer.port()));
        session(List.of(line(0, 2000), line(1, 3500)));
        assertEquals(Optional.of(AlarmState.HIGH), alarms.state(CHANNEL));
        assertTrue(connection.stop().ok());
        assertEquals(Optional.of(AlarmState.HIGH), alarms.state(CHANNEL), "the last session's state until a new one");

        session(List.of(line(0, 3500), line(1, 3600)));
        assertEquals(Optional.of(AlarmState.HIGH), alarms.state(CHANNEL));
        assertTrue(connection.stop().ok());
        List<String> twoSessions = descriptions(CHANNEL);
        assertEquals(2, twoSessions.size(), "one alarm per session: " + twoSessions);
        assertTrue(twoSessions.stream().allMatch(text -> text.contains("3500.0, above its high threshold 3000.0")),
                "" + twoSessions);

        // 2950 would keep the last session's alarm (within the hysteresis), and 2000 would end it
        session(List.of(line(0, 2950), line(1, 2000)));
        assertEquals(Optional.of(AlarmState.NORMAL), alarms.state(CHANNEL));
        assertEquals(twoSessions, descriptions(CHANNEL), "no 'back to normal' for an alarm of the last session");
    }

    /**
     * A rule changed while values arrive starts from a clean state: out of range it raises its alarm
     * again, with its new threshold; in range (even inside the hysteresis) it says nothing.
     */
    @Test
    void shouldStartAChangedRuleFromACleanState() throws Exception {
        AlarmRule rule = new AlarmRule(CHANNEL, Double.NEGATIVE_INFINITY, 3000, 100, Notification.WARNING, true);
        alarms.setRules(List.of(rule));
        connection.connect(Endpoint.of("127.0.0.1", peer.port()));
        session(List.of(line(0, 3500), line(1, 3500)));
        assertEquals(Optional.of(AlarmState.HIGH), alarms.state(CHANNEL));

        alarms.setRules(List.of(rule));
        assertEquals(Optional.of(AlarmState.HIGH), alarms.state(CHANNEL), "an unchanged rule keeps its state");
        alarms.setRules(List.of(rule.withHigh(3200)));
        assertEquals(Optional.of(AlarmState.UNKNOWN), alarms.state(CHANNEL), "a changed rule starts afresh");
        serveMore(List.of(line(2, 3500)));
        assertTrue(Osgi.waitFor(() -> alarms.state(CHANNEL).equals(Optional.of(AlarmState.HIGH)), 5_000));

        alarms.setRules(List.of(rule.withHigh(3600)));
        serveMore(List.of(line(3, 3550))); // inside the hysteresis below 3600: normal, as a first value
        assertTrue(Osgi.waitFor(() -> alarms.state(CHANNEL).equals(Optional.of(AlarmState.NORMAL)), 5_000),
                "" + alarms.state(CHANNEL));
        List<String> descriptions = descriptions(CHANNEL);
        assertEquals(2, descriptions.size(), "" + descriptions);
        assertTrue(descriptions.get(0).contains("above its high threshold 3000.0"), descriptions.get(0));
        assertTrue(descriptions.get(1).contains("above its high threshold 3200.0"), descriptions.get(1));
    }

    @Test
    void shouldKeepRulesInTheStoreAndReportAnUnreadableOneOnce() {
        AlarmRule low = new AlarmRule("adc_channel_two", 100, Double.POSITIVE_INFINITY, 5, Notification.WARNING, true);
        AlarmRule off = new AlarmRule("adc_channel_three", -1, 1, 0, Notification.ERROR, false);
        alarms.setRules(List.of(low, off));
        assertEquals("100.0,,5.0,WARNING,true", store.getConfig("alarm.adc_channel_two").orElseThrow().value());
        assertEquals(Optional.empty(), alarms.state("adc_channel_three"), "a disabled rule is not watched");
        assertEquals(Optional.of(AlarmState.UNKNOWN), alarms.state("adc_channel_two"));

        alarms.setRules(List.of(low));
        assertTrue(store.getConfig("alarm.adc_channel_three").isEmpty(), "a rule left out is removed from the store");

        store.setConfig("alarm.adc_channel_four", "high,,0,WARNING,true");
        alarms.reload();
        alarms.reload();
        assertEquals(List.of(low), alarms.rules());
        List<Notification> warnings = about("alarm.adc_channel_four");
        assertEquals(1, warnings.size(), "reported once: " + warnings);
        assertEquals(Notification.WARNING, warnings.get(0).severity());
        assertTrue(warnings.get(0).description().contains("not a number: 'high'"), warnings.get(0).description());

        assertThrows(IllegalArgumentException.class, () -> alarms.setRules(List.of(low, low)));
        assertEquals(List.of(low), alarms.rules(), "a refused list changes nothing");
    }

    @Test
    void shouldRefuseRulesThatCannotWork() {
        assertThrows(IllegalArgumentException.class,
                () -> new AlarmRule(CHANNEL, 5, 5, 0, Notification.WARNING, true));
        assertThrows(IllegalArgumentException.class,
                () -> new AlarmRule(CHANNEL, 0, 5, -1, Notification.WARNING, true));
        assertThrows(IllegalArgumentException.class, () -> new AlarmRule(CHANNEL, 0, 5, 0, Notification.INFO, true));
        assertThrows(IllegalArgumentException.class, () -> AlarmRule.parse(CHANNEL, "1,2,0,WARNING"));
        assertEquals(new AlarmRule(CHANNEL, 1, 2, 0.5, Notification.ERROR, false),
                AlarmRule.parse(CHANNEL, new AlarmRule(CHANNEL, 1, 2, 0.5, Notification.ERROR, false).format()));
    }

    @Test
    void shouldListRulesAndStatesInTheShell() throws Exception {
        alarms.setRules(List.of(new AlarmRule(CHANNEL, 10, 3000, 0, Notification.WARNING, true),
                new AlarmRule("adc_channel_two", 0, 1, 0, Notification.ERROR, false)));
        peer.setLiveLines(List.of(line(0, 4000)));
        connection.connect(Endpoint.of("127.0.0.1", peer.port()));
        connection.start();
        assertTrue(Osgi.waitFor(() -> alarms.state(CHANNEL).equals(Optional.of(AlarmState.HIGH)), 10_000));
        ServiceReference<?> commands = Osgi.context().getServiceReferences((String) null,
                "(&(osgi.command.scope=client)(osgi.command.function=alarms))")[0];
        Object shell = Osgi.context().getService(commands);
        String output = (String) shell.getClass().getMethod("alarms").invoke(shell);
        String[] rows = output.split("\n");
        assertEquals(2, rows.length, output);
        assertTrue(rows[0].startsWith(CHANNEL) && rows[0].contains("WARNING") && rows[0].endsWith("HIGH"), rows[0]);
        assertTrue(rows[1].startsWith("adc_channel_two") && rows[1].endsWith("disabled"), rows[1]);
        assertFalse(output.contains("UNKNOWN"));
    }
}
