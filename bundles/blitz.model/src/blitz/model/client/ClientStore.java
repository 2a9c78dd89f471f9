package blitz.model.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import blitz.model.CacheEntry;
import blitz.model.Category;
import blitz.model.ConfigEntry;
import blitz.model.Notification;
import blitz.model.Reading;
import blitz.model.Session;
import blitz.model.SessionSummary;

/**
 * The workbench's store. Every operation of the original {@code DatabaseClient} is here with the
 * same meaning; where the original had a defect the contract below says what we do instead.
 *
 * <p>Entity types are the six records of {@code blitz.model}: {@link Notification}, {@link Reading},
 * {@link Session}, {@link ConfigEntry}, {@link Category}, {@link CacheEntry}. Generic queries take a
 * map of record component name to value (the original's {@code filter_by} dictionaries).
 *
 * <p>Guarantees (checked by the client-store conformance suite):
 * <ul>
 * <li>Every write is committed when the call returns; a crash never leaves half a call visible, and
 * a bulk chunk ({@link #addReadings}) is visible whole or not at all.</li>
 * <li>Returned records carry their store ids; ids are never reused.</li>
 * <li>Values are stored as doubles at full precision.</li>
 * <li>All methods are thread-safe.</li>
 * </ul>
 */
@org.osgi.annotation.versioning.ProviderType
public interface ClientStore {

    // --- generic access -------------------------------------------------------------------

    /** Stores one new record. @return the record with its id */
    <T extends Record> T add(T item);

    /** Stores new records in one transaction. @return the records with their ids, in order */
    <T extends Record> List<T> addMany(List<T> items);

    /** @return every record of a type, in id order */
    <T extends Record> List<T> all(Class<T> type);

    /**
     * @param query record component name to required value; an empty map matches everything
     * @return every matching record, in id order
     * @throws IllegalArgumentException for a name that is not a component of {@code type}
     */
    <T extends Record> List<T> find(Class<T> type, Map<String, ?> query);

    /** @return the first (lowest id) record matching {@code query} */
    <T extends Record> Optional<T> get(Class<T> type, Map<String, ?> query);

    /** @return the record with this id */
    <T extends Record> Optional<T> getById(Class<T> type, long id);

    // --- readings and cache ---------------------------------------------------------------

    /** Stores one reading of a session. */
    Reading addReading(long sessionId, long timeLogged, long categoryId, double value);

    /** Stores one live value. */
    CacheEntry addCache(long timeLogged, long categoryId, double value);

    /**
     * The bulk path for downloads: stores a chunk of readings of one session in one transaction with
     * pre-allocated ids and batched statements. The chunk is visible whole or not at all.
     *
     * @return the number stored
     */
    int addReadings(long sessionId, ReadingBatch batch);

    /**
     * Latest live values: for each variable in the cache, its newest entries (at most
     * {@link #CACHE_LIMIT_PER_VARIABLE}), newest first; with {@code since > 0} only entries with
     * {@code timeLogged >= since}.
     *
     * @return one list per variable
     */
    List<List<CacheEntry>> getCache(long since);

    /** Entries per variable returned by {@link #getCache(long)}. */
    int CACHE_LIMIT_PER_VARIABLE = 50;

    /** @return the distinct categories that have cache entries, by id */
    List<Category> getCacheVariables();

    /** Removes every cache entry. */
    void clearCache();

    // --- configuration --------------------------------------------------------------------

    /** @return the entry for a key */
    Optional<ConfigEntry> getConfig(String key);

    /**
     * Sets a key: inserts it, or updates it when it exists and {@code update} is true (with
     * {@code update} false an existing value is kept). Never creates a duplicate key.
     */
    void setConfig(String key, String value, boolean update);

    /** {@code setConfig(key, value, true)}. */
    default void setConfig(String key, String value) {
        setConfig(key, value, true);
    }

    /** Removes a key. @return whether it existed */
    boolean removeConfig(String key);

    // --- categories and sessions ----------------------------------------------------------

    /** @return the id of the category with this name, created if missing (atomically) */
    long getOrCreateCategory(String variableName);

    /** @return the readings of a session (runtime session id), ordered by time then id */
    List<Reading> getSessionReadings(long sessionId);

    /** @return the distinct categories that have readings in a session, by id */
    List<Category> getSessionVariables(long sessionId);

    /**
     * Replaces the session list with the runtime's list. Unlike the original (which deleted the
     * table), rows of sessions still listed are updated in place so downloaded data and
     * availability are kept; sessions no longer listed are removed with their readings.
     * Availability is true when the session has readings and its download was verified
     * ({@link #markSessionVerified}) or, for sessions downloaded by the original protocol, when it
     * has readings.
     */
    void updateSessionList(List<SessionSummary> sessions);

    /**
     * Recomputes a session's availability after a download: available when it has readings. Does
     * nothing (and does not throw, unlike the original) for an unknown session.
     */
    void updateSessionAvailability(long sessionId);

    /** Records that a session's download matched the runtime's count and digest, and makes it available. */
    void markSessionVerified(long sessionId, long messageCount);

    /** Removes a session's readings and raw messages, and updates its availability. */
    void clearSessionData(long sessionId);

    /**
     * Removes a session's readings, raw messages and its row. The runtime must delete it too, otherwise
     * the next session list brings it back.
     */
    void deleteSession(long sessionId);

    /** @return the session row for a runtime session id */
    Optional<Session> getSession(long sessionId);

    /**
     * Pixel-resolution query for plots: the readings of one variable of a session in
     * {@code [fromTime, toTime)}, reduced to at most {@code width} equal-width time buckets (empty
     * buckets omitted), in time order. Never loads every reading.
     */
    List<Bucket> buckets(long sessionId, long categoryId, long fromTime, long toTime, int width);

    /** @return the time range {@code [min, max]} of a session's readings, empty when it has none */
    Optional<long[]> sessionTimeRange(long sessionId);

    /**
     * Streams a session's readings ordered by time then id, in chunks, never holding them all.
     *
     * @return the number of readings delivered
     */
    long forEachSessionReading(long sessionId, int chunkSize, Consumer<List<Reading>> chunkConsumer);

    /**
     * One page of one variable's readings in a session, for reading in time order from any point
     * without holding a cursor open (replay, seek): the readings of {@code categoryId} after the
     * position ({@code afterTime}, {@code afterId}) — a later time, or the same time and a greater id —
     * ordered by time then id, at most {@code limit}. Start at time t with {@code (t, Long.MIN_VALUE)};
     * continue with the time and id of the last reading returned. A page costs its size wherever it
     * starts (served by the plot index), so a session of any length can be walked page by page.
     *
     * @return the page; shorter than {@code limit} (possibly empty) at the end of the series
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<Reading> seriesPage(long sessionId, long categoryId, long afterTime, long afterId, int limit);

    // --- raw messages of downloaded sessions ----------------------------------------------

    /**
     * Stores one downloaded chunk in one transaction: the raw lines, numbered from {@code firstIndex},
     * and the readings decoded from them. The chunk is visible whole or not at all. A chunk must start
     * where the stored raw messages end ({@code firstIndex == rawMessageCount(sessionId)}), so a resumed
     * download can never store a message twice.
     *
     * @throws IllegalStateException if {@code firstIndex} is not the current raw message count
     */
    void addDownloadChunk(long sessionId, long firstIndex, List<String> rawLines, ReadingBatch readings);

    /** @return how many raw messages of a session are stored: where a resumed download continues */
    long rawMessageCount(long sessionId);

    /**
     * Streams a session's stored raw messages in their download order, from {@code fromIndex}.
     *
     * @return the number delivered
     */
    long readRawMessages(long sessionId, long fromIndex, int chunkSize, Consumer<List<String>> chunkConsumer);

    /** Removes a session's readings but keeps its raw messages, before a re-decode. */
    void clearSessionReadings(long sessionId);

    // --- notifications --------------------------------------------------------------------

    /** Logs a notification at the current time. @return the stored notification */
    Notification logError(String description, int severity);

    /**
     * The notifications of one severity logged after another one, for a reader that follows the log
     * (the live plot's session starts and stops) and reads only what is new: those with
     * {@code severity} and an id greater than {@code afterId}, in id order, at most {@code limit}.
     * Start with {@code afterId} 0; continue with the id of the last one returned. Notification ids
     * grow in the order their writes commit, so a reader that continues this way sees every
     * notification of that severity once, except one removed before it was read ({@link #createTables}
     * with {@code forceDrop} starts the log and its ids anew). A page costs its
     * size however long the log is (an index on severity and id).
     *
     * @return the page; shorter than {@code limit} (possibly empty) when no more have been logged
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<Notification> notificationsAfter(long afterId, int severity, int limit);

    /** Removes every notification. */
    void clearErrors();

    /** Removes one notification. @return whether it existed */
    boolean handleError(long notificationId);

    // --- schema and fixtures --------------------------------------------------------------

    /** Creates missing tables; with {@code forceDrop} drops every table (and its data) first. */
    void createTables(boolean forceDrop);

    /**
     * Loads the default configuration (keys kept when already set); with {@code testing} also the
     * original's test fixtures (three categories, six readings and cache entries, two sessions).
     */
    void loadFixtures(boolean testing);
}
