// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import blitz.model.CacheEntry;
import blitz.model.Category;
import blitz.model.ConfigEntry;
import blitz.model.Notification;
import blitz.model.Reading;
import blitz.model.Session;
import blitz.model.SessionSummary;
import blitz.model.client.ClientStore;
import blitz.model.client.TimeSpan;

/**
 * The original's TestDatabaseClientSetup, TestBasicDatabaseOperations and TestDatabaseHelpers
 * (adapted to the Java contract), plus the edge cases of the ClientStore javadoc. Runs against the
 * OSGi service on an in-memory Derby database, rebuilt with the test fixtures before every test.
 */
class ClientStoreConformanceTest {
    private static ClientStore store;

    @BeforeAll
    static void startStore() {
        store = StoreService.configure("memory");
    }

    @BeforeEach
    void freshFixtures() {
        store.createTables(true);
        store.loadFixtures(true);
    }

    private static long time(Reading reading) {
        return reading.timeLogged();
    }

    // --- setup and fixtures (TestDatabaseClientSetup) ----------------------------------------

    @Test
    void fixturesHaveTheOriginalCounts() {
        assertEquals(3, store.all(Category.class).size());
        assertEquals(6, store.all(Reading.class).size());
        assertEquals(6, store.all(CacheEntry.class).size());
        assertEquals(2, store.all(Session.class).size());
        assertEquals(6, store.all(ConfigEntry.class).size());
        assertEquals(0, store.all(Notification.class).size());
        assertEquals(List.of("adc_channel_one", "adc_channel_two", "adc_channel_three"),
                store.all(Category.class).stream().map(Category::variableName).toList());
    }

    @Test
    void fixturesWithoutTestingLoadOnlyConfiguration() {
        store.createTables(true);
        store.loadFixtures(false);
        assertEquals(6, store.all(ConfigEntry.class).size());
        assertEquals(0, store.all(Category.class).size());
        assertEquals(0, store.all(Reading.class).size());
        assertEquals(0, store.all(Session.class).size());
    }

    @Test
    void loadingFixturesKeepsConfiguredValues() {
        store.setConfig("loggerPort", "1234");
        store.loadFixtures(false);
        assertEquals("1234", store.getConfig("loggerPort").orElseThrow().value());
        assertEquals(6, store.all(ConfigEntry.class).size());
    }

    @Test
    void createTablesWithoutDropKeepsData() {
        store.createTables(false);
        assertEquals(6, store.all(Reading.class).size());
    }

    @Test
    void forceDropEmptiesEveryTableAndRestartsIds() {
        store.createTables(true);
        for (Class<? extends Record> type : List.of(Category.class, Reading.class, CacheEntry.class, Session.class,
                ConfigEntry.class, Notification.class)) {
            assertEquals(0, store.all(type).size(), type.getSimpleName());
        }
        assertEquals(1, store.add(Category.named("again")).id());
    }

    // --- generic access (TestBasicDatabaseOperations) ----------------------------------------

    @Test
    void addReturnsTheRecordWithItsId() {
        Notification added = store.add(new Notification(null, 5, Notification.WARNING, "disk full"));
        assertEquals(1L, added.id());
        assertEquals(new Notification(1L, 5, Notification.WARNING, "disk full"), added);
        assertEquals(added, store.getById(Notification.class, 1).orElseThrow());
    }

    @Test
    void addRefusesAStoredRecordAndAnUnknownType() {
        Category stored = store.all(Category.class).get(0);
        assertThrows(IllegalArgumentException.class, () -> store.add(stored));
        record Stranger(Long id) {
        }
        assertThrows(IllegalArgumentException.class, () -> store.add(new Stranger(null)));
        assertThrows(IllegalArgumentException.class, () -> store.all(Stranger.class));
    }

    @Test
    void addManyReturnsIdsInOrder() {
        List<Category> added = store.addMany(List.of(Category.named("a"), Category.named("b")));
        assertEquals(List.of(4L, 5L), added.stream().map(Category::id).toList());
        assertEquals(List.of("a", "b"), added.stream().map(Category::variableName).toList());
    }

    @Test
    void readingsFilteredByCategory() {
        List<Reading> readings = store.find(Reading.class, Map.of("categoryId", 2));
        assertEquals(3, readings.size());
        assertEquals(List.of(4L, 5L, 6L), readings.stream().map(Reading::id).toList());
        assertEquals(4L, store.get(Reading.class, Map.of("categoryId", 2L)).orElseThrow().id());
        assertEquals(6, store.all(Reading.class).size());
        assertEquals(6, store.find(Reading.class, Map.of()).size());
    }

    @Test
    void findByValueAndSeveralFields() {
        List<Reading> readings = store.find(Reading.class, Map.of("value", 5.2, "sessionId", 1));
        assertEquals(1, readings.size());
        assertEquals(5.2, readings.get(0).value());
    }

    @Test
    void sessionsAndConfigsFound() {
        assertEquals(2, store.get(Session.class, Map.of("available", false)).orElseThrow().refId());
        assertEquals(1, store.get(Session.class, Map.of("available", true)).orElseThrow().refId());
        assertEquals("8989", store.get(ConfigEntry.class, Map.of("key", "loggerPort")).orElseThrow().value());
        assertEquals("adc_channel_two",
                store.get(Category.class, Map.of("variableName", "adc_channel_two")).orElseThrow().variableName());
    }

    @Test
    void missingRecordsAreEmpty() {
        assertTrue(store.getById(Reading.class, 999).isEmpty());
        assertTrue(store.get(Category.class, Map.of("variableName", "nope")).isEmpty());
        assertEquals(0, store.find(Reading.class, Map.of("categoryId", 99)).size());
        assertTrue(store.getConfig("nope").isEmpty());
        assertTrue(store.getSession(99).isEmpty());
    }

    @Test
    void badQueriesAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> store.find(Reading.class, Map.of("colour", 1)));
        assertThrows(IllegalArgumentException.class, () -> store.find(Reading.class, Map.of("categoryId", "two")));
        assertThrows(IllegalArgumentException.class, () -> store.find(Reading.class, Map.of("categoryId", 2.5)));
        assertThrows(IllegalArgumentException.class,
                () -> store.find(Reading.class, java.util.Collections.singletonMap("categoryId", null)));
    }

    @Test
    void nullComponentMatchesIsNull() {
        store.updateSessionList(List.of(new SessionSummary(7, 100, OptionalLong.empty(), 3)));
        Session running = store.find(Session.class, java.util.Collections.singletonMap("timeStopped", null)).get(0);
        assertEquals(7, running.refId());
    }

    // --- helpers (TestDatabaseHelpers) -------------------------------------------------------

    @Test
    void errorsAreLoggedHandledAndCleared() {
        long before = System.currentTimeMillis();
        Notification first = store.logError("first", Notification.INFO);
        Notification second = store.logError("second", Notification.ERROR);
        assertTrue(first.timeLogged() >= before);
        assertEquals(Notification.ERROR, second.severity());
        assertEquals(2, store.all(Notification.class).size());
        assertTrue(store.handleError(first.id()));
        assertFalse(store.handleError(first.id()));
        assertEquals(List.of(second), store.all(Notification.class));
        store.clearErrors();
        assertEquals(0, store.all(Notification.class).size());
    }

    @Test
    void aNotificationFromElsewhereKeepsTheTimeItHappened() {
        Notification copied = store.logError("Runtime 127.0.0.1:8999: Session 3 started", Notification.INFO, 1_700_000_000_123L);
        assertEquals(1_700_000_000_123L, copied.timeLogged());
        assertEquals(List.of(copied), store.notificationsAfter(0, Notification.INFO, 10));
    }

    @Test
    void notificationsAfterAnIdFollowTheLogBySeverity() {
        Notification a = store.logError("Session 1 started", Notification.INFO);
        Notification lost = store.logError("gap", Notification.WARNING);
        Notification c = store.logError("Session 1 stopped", Notification.INFO);
        Notification d = store.logError("Session 2 started", Notification.INFO);
        assertEquals(List.of(a, c, d), store.notificationsAfter(0, Notification.INFO, 10));
        assertEquals(List.of(a, c), store.notificationsAfter(0, Notification.INFO, 2));
        assertEquals(List.of(d), store.notificationsAfter(c.id(), Notification.INFO, 10));
        assertEquals(List.of(), store.notificationsAfter(d.id(), Notification.INFO, 10));
        assertEquals(List.of(lost), store.notificationsAfter(0, Notification.WARNING, 10));
        assertEquals(List.of(), store.notificationsAfter(0, Notification.ERROR, 10));
        assertTrue(store.handleError(c.id()));
        assertEquals(List.of(d), store.notificationsAfter(a.id(), Notification.INFO, 10));
        Notification e = store.logError("Session 2 stopped", Notification.INFO);
        assertTrue(e.id() > d.id());
        assertEquals(List.of(e), store.notificationsAfter(d.id(), Notification.INFO, 10));
        assertThrows(IllegalArgumentException.class, () -> store.notificationsAfter(0, Notification.INFO, 0));
    }

    @Test
    void aFollowerOfTheNotificationsMissesNoneLoggedConcurrently() throws Exception {
        int writers = 4;
        int each = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> logging = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                logging.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        store.logError("writer " + writer + " #" + i, i % 3 == 0 ? Notification.WARNING : Notification.INFO);
                    }
                }));
            }
            List<Long> seen = new java.util.ArrayList<>();
            long last = 0;
            boolean writing = true;
            while (writing) {
                writing = logging.stream().anyMatch(call -> !call.isDone());
                for (List<Notification> page = store.notificationsAfter(last, Notification.INFO, 7); !page.isEmpty();
                        page = store.notificationsAfter(last, Notification.INFO, 7)) {
                    for (Notification notification : page) {
                        assertTrue(notification.id() > last, "ids in order");
                        seen.add(notification.id());
                        last = notification.id();
                    }
                }
            }
            for (Future<?> call : logging) {
                call.get();
            }
            assertEquals(store.find(Notification.class, Map.of("severity", Notification.INFO)).stream()
                    .map(Notification::id).toList(), seen);
            assertEquals(writers * (each - each / 3), seen.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sessionVariablesAndReadings() {
        assertEquals(Set.of("adc_channel_one", "adc_channel_two"), names(store.getSessionVariables(1)));
        assertEquals(0, store.getSessionVariables(2).size());
        assertEquals(6, store.getSessionReadings(1).size());
        assertEquals(0, store.getSessionReadings(2).size());
        List<Long> times = store.getSessionReadings(1).stream().map(ClientStoreConformanceTest::time).toList();
        assertEquals(times.stream().sorted().toList(), times);
    }

    @Test
    void cacheVariables() {
        assertEquals(Set.of("adc_channel_one", "adc_channel_two"), names(store.getCacheVariables()));
    }

    private static Set<String> names(List<Category> categories) {
        Set<String> names = new HashSet<>();
        categories.forEach(c -> names.add(c.variableName()));
        return names;
    }

    @Test
    void cacheReturnsEverythingThenOnlyWhatIsSince() {
        List<List<CacheEntry>> cache = store.getCache(0);
        assertEquals(2, cache.size());
        assertEquals(6, cache.stream().mapToInt(List::size).sum());
        for (List<CacheEntry> variable : cache) {
            for (int i = 1; i < variable.size(); i++) {
                assertTrue(variable.get(i - 1).timeLogged() >= variable.get(i).timeLogged(), "newest first");
            }
        }
        long time0 = store.all(CacheEntry.class).stream().mapToLong(CacheEntry::timeLogged).max().orElseThrow();
        long time2 = time0 - 2;
        List<CacheEntry> since = store.getCache(time2).stream().flatMap(List::stream).toList();
        assertEquals(3, since.size());
        assertTrue(since.stream().allMatch(e -> e.timeLogged() >= time2));
    }

    @Test
    void cacheKeepsAtMostFiftyPerVariable() {
        long category = store.getOrCreateCategory("busy");
        for (int i = 0; i < 60; i++) {
            store.addCache(1000 + i, category, i);
        }
        List<CacheEntry> busy = store.getCache(0).stream().filter(l -> l.get(0).categoryId() == category)
                .findFirst().orElseThrow();
        assertEquals(ClientStore.CACHE_LIMIT_PER_VARIABLE, busy.size());
        assertEquals(1059, busy.get(0).timeLogged());
        assertEquals(1010, busy.get(49).timeLogged());
        assertEquals(10, store.getCache(1050).stream().filter(l -> l.get(0).categoryId() == category)
                .findFirst().orElseThrow().size());
    }

    @Test
    void configGetAndSetWithoutDuplicates() {
        assertEquals("8989", store.getConfig("loggerPort").orElseThrow().value());
        store.setConfig("loggerPort", "9000");
        assertEquals("9000", store.getConfig("loggerPort").orElseThrow().value());
        store.setConfig("loggerPort", "9001", false);
        assertEquals("9000", store.getConfig("loggerPort").orElseThrow().value());
        store.setConfig("brandNew", "x", false);
        assertEquals("x", store.getConfig("brandNew").orElseThrow().value());
        assertEquals(1, store.find(ConfigEntry.class, Map.of("key", "loggerPort")).size());
        assertEquals(7, store.all(ConfigEntry.class).size());
    }

    @Test
    void removeConfigRemovesOnlyThatKey() {
        store.setConfig("alarm.adc_channel_one", "1,2,true");
        assertTrue(store.removeConfig("alarm.adc_channel_one"));
        assertTrue(store.getConfig("alarm.adc_channel_one").isEmpty());
        assertFalse(store.removeConfig("alarm.adc_channel_one"));
        assertEquals("8989", store.getConfig("loggerPort").orElseThrow().value());
        assertEquals(6, store.all(ConfigEntry.class).size());
    }

    @Test
    void getOrCreateCategoryIsStable() {
        assertEquals(4, store.getOrCreateCategory("fourth"));
        assertEquals(4, store.getOrCreateCategory("fourth"));
        assertEquals(1, store.getOrCreateCategory("adc_channel_one"));
        assertEquals(4, store.all(Category.class).size());
    }

    @Test
    void getOrCreateCategoryIsAtomicAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Set<Long> ids = ConcurrentHashMap.newKeySet();
            List<Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(pool.submit(() -> ids.add(store.getOrCreateCategory("contended"))));
            }
            for (Future<?> call : calls) {
                call.get();
            }
            assertEquals(1, ids.size());
            assertEquals(1, store.find(Category.class, Map.of("variableName", "contended")).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void addReadingAndCacheKeepFullPrecision() {
        Reading reading = store.addReading(3, 10, 2, 5.2);
        assertEquals(5.2, store.getById(Reading.class, reading.id()).orElseThrow().value());
        double precise = 0.1 + 0.2;
        CacheEntry entry = store.addCache(11, 2, precise);
        assertEquals(precise, store.getById(CacheEntry.class, entry.id()).orElseThrow().value());
        assertEquals(7, store.all(Reading.class).size());
        assertEquals(7, store.all(CacheEntry.class).size());
    }

    @Test
    void clearCacheEmptiesTheCacheOnly() {
        store.clearCache();
        assertEquals(0, store.all(CacheEntry.class).size());
        assertEquals(List.of(), store.getCache(0));
        assertEquals(6, store.all(Reading.class).size());
    }

    @Test
    void clearSessionDataRemovesReadingsAndAvailability() {
        assertTrue(store.getSession(1).orElseThrow().available());
        store.clearSessionData(1);
        assertEquals(0, store.getSessionReadings(1).size());
        assertFalse(store.getSession(1).orElseThrow().available());
        assertEquals(2, store.all(Session.class).size());
    }

    @Test
    void availabilityFollowsReadings() {
        store.updateSessionAvailability(1);
        assertTrue(store.getSession(1).orElseThrow().available());
        store.updateSessionAvailability(2);
        assertFalse(store.getSession(2).orElseThrow().available());
        store.addReading(2, 0, 1, 1.0);
        store.updateSessionAvailability(2);
        assertTrue(store.getSession(2).orElseThrow().available());
        store.clearSessionData(2);
        assertFalse(store.getSession(2).orElseThrow().available());
    }

    @Test
    void availabilityOfAnUnknownSessionDoesNothing() {
        store.updateSessionAvailability(404);
        store.markSessionVerified(404, 10);
        assertTrue(store.getSession(404).isEmpty());
    }

    @Test
    void verifiedSessionBecomesAvailable() {
        store.markSessionVerified(2, 2);
        assertTrue(store.getSession(2).orElseThrow().available());
    }

    @Test
    void sessionListReplacementKeepsDownloadedData() {
        store.updateSessionList(List.of(SessionSummary.parse("1 100000 100000 10"),
                SessionSummary.parse("2 100002 100003 20")));
        Session one = store.getSession(1).orElseThrow();
        assertEquals(new Session(one.id(), 1, true, 100000, 100000L, 10), one);
        Session two = store.getSession(2).orElseThrow();
        assertEquals(new Session(two.id(), 2, false, 100002, 100003L, 20), two);
        assertEquals(6, store.getSessionReadings(1).size());
        assertEquals(2, store.all(Session.class).size());
    }

    @Test
    void sessionListRowsAreUpdatedInPlaceAndUnlistedOnesRemoved() {
        long rowOfOne = store.getSession(1).orElseThrow().id();
        store.addReading(2, 5, 1, 2.0);
        store.updateSessionList(List.of(new SessionSummary(1, 1, OptionalLong.of(2), 6),
                new SessionSummary(3, 7, OptionalLong.empty(), 0)));
        assertEquals(rowOfOne, store.getSession(1).orElseThrow().id());
        assertTrue(store.getSession(2).isEmpty());
        assertEquals(0, store.getSessionReadings(2).size());
        Session three = store.getSession(3).orElseThrow();
        assertFalse(three.available());
        assertEquals(null, three.timeStopped());
        assertEquals(6, store.getSessionReadings(1).size());
    }

    @Test
    void deleteSessionRemovesRowAndReadings() {
        store.deleteSession(1);
        assertTrue(store.getSession(1).isEmpty());
        assertEquals(0, store.getSessionReadings(1).size());
        assertEquals(1, store.all(Session.class).size());
        store.deleteSession(404);
    }

    @Test
    void sessionTimeRange() {
        long time0 = store.all(Reading.class).stream().mapToLong(Reading::timeLogged).max().orElseThrow();
        assertEquals(new TimeSpan(time0 - 5, time0), store.sessionTimeRange(1).orElseThrow());
        assertTrue(store.sessionTimeRange(2).isEmpty());
    }

    @Test
    void idsAreNeverReusedAfterDeletes() {
        Notification first = store.logError("a", 1);
        store.clearErrors();
        Notification second = store.logError("b", 1);
        assertTrue(second.id() > first.id());
    }
}
