// SPDX-License-Identifier: EPL-2.0
package blitz.model.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import blitz.model.CacheEntry;
import blitz.model.Category;
import blitz.model.ConfigEntry;
import blitz.model.Notification;
import blitz.model.Reading;
import blitz.model.Session;

/**
 * The workbench's store as one facade: every operation of the original {@code DatabaseClient} with
 * the same meaning (where the original had a defect the contracts say what we do instead). Production
 * code binds the roles it needs — {@link SessionCatalog}, {@link CategoryCatalog},
 * {@link DownloadStore}, {@link SeriesQueries}, {@link NotificationLog}, {@link ConfigStore},
 * {@link LiveCache} — which the store registers as services beside this one. This interface adds the
 * original's generic record access, single inserts, schema and fixtures, which only the seed API and
 * tests use; it has more than fifteen methods only because it is the seed facade.
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
public interface ClientStore extends SessionCatalog, CategoryCatalog, DownloadStore, SeriesQueries, NotificationLog,
        ConfigStore, LiveCache {

    /**
     * The {@code osgi.condition.id} of the OSGi condition the workbench registers once its main window
     * is up; a store told to open only after the workbench's startup waits for it.
     */
    String WORKBENCH_STARTED_CONDITION = "blitz.workbench.started";

    // --- generic access (the original's add, add_many, all, find, get, get_by_id) ---------------

    /**
     * Stores one new record.
     *
     * @return the record with its id
     * @throws IllegalArgumentException for a record that already has an id, or a type not stored
     */
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

    // --- single readings (add_reading, get_session_readings) --------------------------------------

    /** Stores one reading of a session (outside the bulk path: its series summary is rebuilt on the next query). */
    Reading addReading(long sessionId, long timeLogged, long categoryId, double value);

    /** @return the readings of a session (runtime session id), ordered by time then id, all in memory */
    List<Reading> getSessionReadings(long sessionId);

    // --- schema and fixtures (create_tables, load_fixtures) ---------------------------------------

    /** Creates missing tables; with {@code forceDrop} drops every table (and its data) first. */
    void createTables(boolean forceDrop);

    /**
     * Loads the default configuration (keys kept when already set); with {@code testing} also the
     * original's test fixtures (three categories, six readings and cache entries, two sessions).
     */
    void loadFixtures(boolean testing);
}
