// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.CacheEntry;
import blitz.model.Category;
import blitz.model.ConfigEntry;
import blitz.model.Notification;
import blitz.model.Reading;
import blitz.model.Session;
import blitz.model.SessionSummary;
import blitz.model.client.Bucket;
import blitz.model.client.ClientStore;
import blitz.model.client.ReadingBatch;
import blitz.model.client.TimeSpan;

/**
 * The workbench's store on EclipseLink JPA over embedded Derby: the seed facade over one class per
 * role ({@link SessionTable}, {@link CategoryTable}, {@link DownloadWriter}, {@link SeriesReader},
 * {@link NotificationTable}, {@link ConfigTable}, {@link CacheTable}) and the original's generic
 * access ({@link RecordAccess}). Every call runs in its own transaction ({@link Transactions}).
 *
 * <p>{@link ClientStoreOpener} opens it off the startup path and registers it under the facade and
 * every role; it stays open (and an in-memory database keeps its data) while callers come and go.
 */
public final class JpaClientStore implements ClientStore {
    static final String PID = "blitz.client.store";

    private static final Logger LOG = LoggerFactory.getLogger(JpaClientStore.class);

    /**
     * Tiles the warm-up's bucket query reads: a quarter of a 10 M-reading session's first plot. The JIT
     * wants that many: that plot's first query took 337 ms after a warm-up of 2 000 tiles, 279 ms after
     * 10 000, which cost 60 ms more (medians of 3 on a loaded machine).
     */
    private static final int WARM_UP_TILES = 10_000;
    /** Ten tiles a bucket: the query takes the tile path. */
    private static final int WARM_UP_BUCKETS = WARM_UP_TILES / 10;
    /** Readings a chunk when {@link #getSessionReadings} collects a whole session. */
    private static final int SESSION_READINGS_CHUNK = 10_000;

    @ObjectClassDefinition(id = PID, name = "Blitz workbench store",
            description = "Where the workbench keeps its database (EclipseLink JPA on embedded Derby)")
    public @interface Config {
        @AttributeDefinition(name = "Database", description = "Folder of the Derby database (${blitz.data}, the "
                + "data folder, and ${user.home} are expanded), or the word 'memory' for an in-memory database "
                + "that is dropped when the store stops")
        String database() default DerbyDatabase.DEFAULT_FOLDER;

        @AttributeDefinition(name = "Readings per tile", min = "1", description = "Consecutive readings summarised "
                + "in one tile of the plot summary (count, min, max, first, last); tests use small tiles")
        int readingsPerTile() default ReadingTiles.DEFAULT_TILE_SIZE;
    }

    private final DerbyDatabase database;
    private final Transactions transactions;
    private final RecordAccess records;
    private final SessionTable sessions;
    private final CategoryTable categories;
    private final DownloadWriter downloads;
    private final SeriesReader series;
    private final NotificationTable notifications;
    private final ConfigTable config;
    private final CacheTable cache;

    public JpaClientStore(Config config) {
        this(DerbyDatabase.of(config.database()), config.readingsPerTile());
    }

    /** Opens (creating if needed) the database and its tables. */
    public JpaClientStore(DerbyDatabase database) {
        this(database, ReadingTiles.DEFAULT_TILE_SIZE);
    }

    /** Opens (creating if needed) the database and its tables; series are summarised in tiles of {@code tileSize}. */
    public JpaClientStore(DerbyDatabase database, int tileSize) {
        if (tileSize < 1) {
            throw new IllegalArgumentException("readings per tile must be positive: " + tileSize);
        }
        this.database = database;
        try {
            try (Connection connection = database.connect()) {
                Schema.create(connection, false);
            }
            if (database.settleCrashRecovery()) {
                LOG.info("The last process using {} did not close it: restarted it once after Derby's recovery",
                        database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the workbench database " + database, e);
        }
        transactions = new Transactions(database);
        records = new RecordAccess(transactions);
        sessions = new SessionTable(transactions);
        categories = new CategoryTable(transactions);
        downloads = new DownloadWriter(transactions, tileSize);
        series = new SeriesReader(transactions, tileSize);
        notifications = new NotificationTable(transactions, records);
        config = new ConfigTable(transactions);
        cache = new CacheTable(transactions, records);
    }

    /**
     * Makes once, on a session that does not exist, the calls the Plot makes when it opens a session,
     * so that Derby compiles their statements and EclipseLink parses its queries and loads its classes
     * here ({@link ClientStoreOpener} calls this on its opening thread) rather than during the first
     * plot of the workbench: most of a fresh JVM's 0.9–1.1 s first paint went there. Then a bucket
     * query over the first {@value #WARM_UP_TILES} tiles of a stored series runs the tile path's code
     * before the plot's query of a whole session does.
     */
    public void warmUp() {
        long absent = Long.MIN_VALUE;
        get(Session.class, Map.of("refId", absent));
        getSession(absent);
        getSessionVariables(absent);
        sessionTimeRange(absent);
        find(Notification.class, Map.of("id", absent));
        notificationsAfter(Long.MAX_VALUE, Notification.INFO, 1);
        buckets(absent, absent, 0, 1, 1);
        transactions.jdbc(connection -> {
            BucketQuery.compile(connection);
            ReadingTiles.compile(connection);
            return null;
        });
        transactions.jdbc(connection -> SeriesTable.sample(connection, WARM_UP_TILES)).ifPresent(
                stretch -> buckets(stretch.sessionId(), stretch.categoryId(), stretch.fromTime(), stretch.toTime(),
                        WARM_UP_BUCKETS));
    }

    /** Closes EclipseLink's connections, then shuts Derby's database down cleanly. */
    public void close() {
        transactions.close();
        try {
            database.shutdown();
        } catch (SQLException e) {
            LOG.warn("Derby did not shut down cleanly: {}", database, e);
        }
    }

    // --- the original's generic access, single readings, schema and fixtures ---------------------

    @Override
    public <T extends Record> T add(T item) {
        return records.add(item);
    }

    @Override
    public <T extends Record> List<T> addMany(List<T> items) {
        return records.addMany(items);
    }

    @Override
    public <T extends Record> List<T> all(Class<T> type) {
        return records.all(type);
    }

    @Override
    public <T extends Record> List<T> find(Class<T> type, Map<String, ?> query) {
        return records.find(type, query);
    }

    @Override
    public <T extends Record> Optional<T> get(Class<T> type, Map<String, ?> query) {
        return records.get(type, query);
    }

    @Override
    public <T extends Record> Optional<T> getById(Class<T> type, long id) {
        return records.getById(type, id);
    }

    @Override
    public Reading addReading(long sessionId, long timeLogged, long categoryId, double value) {
        return records.add(Reading.of(sessionId, timeLogged, categoryId, value));
    }

    @Override
    public List<Reading> getSessionReadings(long sessionId) {
        List<Reading> readings = new ArrayList<>();
        series.forEachSessionReading(sessionId, SESSION_READINGS_CHUNK, readings::addAll);
        return readings;
    }

    @Override
    public void createTables(boolean forceDrop) {
        transactions.createSchema(forceDrop);
    }

    @Override
    public void loadFixtures(boolean testing) {
        Fixtures.load(this, testing);
    }

    // --- the roles ----------------------------------------------------------------------------

    @Override
    public List<Session> sessions() {
        return sessions.sessions();
    }

    @Override
    public Optional<Session> getSession(long sessionId) {
        return sessions.getSession(sessionId);
    }

    @Override
    public void updateSessionList(List<SessionSummary> list) {
        sessions.updateSessionList(list);
    }

    @Override
    public void updateSessionAvailability(long sessionId) {
        sessions.updateSessionAvailability(sessionId);
    }

    @Override
    public void markSessionVerified(long sessionId, long messageCount) {
        sessions.markSessionVerified(sessionId, messageCount);
    }

    @Override
    public void clearSessionData(long sessionId) {
        sessions.clearSessionData(sessionId);
    }

    @Override
    public void deleteSession(long sessionId) {
        sessions.deleteSession(sessionId);
    }

    @Override
    public long getOrCreateCategory(String variableName) {
        return categories.getOrCreateCategory(variableName);
    }

    @Override
    public List<Category> categories() {
        return categories.categories();
    }

    @Override
    public void addDownloadChunk(long sessionId, long firstIndex, List<String> rawLines, ReadingBatch readings) {
        downloads.addDownloadChunk(sessionId, firstIndex, rawLines, readings);
    }

    @Override
    public int addReadings(long sessionId, ReadingBatch batch) {
        return downloads.addReadings(sessionId, batch);
    }

    @Override
    public long rawMessageCount(long sessionId) {
        return downloads.rawMessageCount(sessionId);
    }

    @Override
    public long readRawMessages(long sessionId, long fromIndex, int chunkSize, Consumer<List<String>> chunkConsumer) {
        return downloads.readRawMessages(sessionId, fromIndex, chunkSize, chunkConsumer);
    }

    @Override
    public void clearSessionReadings(long sessionId) {
        downloads.clearSessionReadings(sessionId);
    }

    @Override
    public List<Category> getSessionVariables(long sessionId) {
        return series.getSessionVariables(sessionId);
    }

    @Override
    public Optional<TimeSpan> sessionTimeRange(long sessionId) {
        return series.sessionTimeRange(sessionId);
    }

    @Override
    public List<Bucket> buckets(long sessionId, long categoryId, long fromTime, long toTime, int width) {
        return series.buckets(sessionId, categoryId, fromTime, toTime, width);
    }

    @Override
    public List<Reading> seriesPage(long sessionId, long categoryId, long afterTime, long afterId, int limit) {
        return series.seriesPage(sessionId, categoryId, afterTime, afterId, limit);
    }

    @Override
    public long forEachSessionReading(long sessionId, int chunkSize, Consumer<List<Reading>> chunkConsumer) {
        return series.forEachSessionReading(sessionId, chunkSize, chunkConsumer);
    }

    @Override
    public Notification logError(String description, int severity) {
        return notifications.logError(description, severity);
    }

    @Override
    public Notification logError(String description, int severity, long timeLogged) {
        return notifications.logError(description, severity, timeLogged);
    }

    @Override
    public List<Notification> notifications() {
        return notifications.notifications();
    }

    @Override
    public List<Notification> notificationsAfter(long afterId, int severity, int limit) {
        return notifications.notificationsAfter(afterId, severity, limit);
    }

    @Override
    public void clearErrors() {
        notifications.clearErrors();
    }

    @Override
    public boolean handleError(long notificationId) {
        return notifications.handleError(notificationId);
    }

    @Override
    public Optional<ConfigEntry> getConfig(String key) {
        return config.getConfig(key);
    }

    @Override
    public List<ConfigEntry> configEntries() {
        return config.configEntries();
    }

    @Override
    public void setConfig(String key, String value, boolean update) {
        config.setConfig(key, value, update);
    }

    @Override
    public boolean removeConfig(String key) {
        return config.removeConfig(key);
    }

    @Override
    public CacheEntry addCache(long timeLogged, long categoryId, double value) {
        return cache.addCache(timeLogged, categoryId, value);
    }

    @Override
    public List<List<CacheEntry>> getCache(long since) {
        return cache.getCache(since);
    }

    @Override
    public List<Category> getCacheVariables() {
        return cache.getCacheVariables();
    }

    @Override
    public void clearCache() {
        cache.clearCache();
    }
}
