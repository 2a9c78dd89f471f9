package blitz.client.store.internal;

import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

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
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * The workbench's store on EclipseLink JPA over embedded Derby. Every call runs in its own entity
 * manager and transaction. EclipseLink's shared cache is off (persistence.xml), so rows written by
 * plain JDBC (the bulk path, bulk deletes) are never hidden behind stale cached objects.
 *
 * <p>{@link ClientStoreService} opens it off the startup path and registers it as the service; it
 * stays open (and an in-memory database keeps its data) while callers come and go.
 */
public final class JpaClientStore implements ClientStore {
    static final String PID = "blitz.client.store";
    static final String PERSISTENCE_UNIT = "blitz.client.store";

    private static final Logger LOG = Logger.getLogger(JpaClientStore.class.getName());

    /**
     * Tiles the warm-up's bucket query reads: a quarter of a 10 M-reading session's first plot. The JIT
     * wants that many: that plot's first query took 337 ms after a warm-up of 2 000 tiles, 279 ms after
     * 10 000, which cost 60 ms more (medians of 3 on a loaded machine).
     */
    private static final int WARM_UP_TILES = 10_000;
    /** Ten tiles a bucket: the query takes the tile path. */
    private static final int WARM_UP_BUCKETS = WARM_UP_TILES / 10;

    @ObjectClassDefinition(name = "Blitz workbench store", description = "Where the workbench keeps its database")
    public @interface Config {
        @AttributeDefinition(description = "Database folder, or 'memory' for an in-memory database")
        String database() default DerbyDatabase.DEFAULT_FOLDER;

        @AttributeDefinition(description = "Readings per tile of the plot summary (tests use small tiles)")
        int readingsPerTile() default ReadingTiles.DEFAULT_TILE_SIZE;
    }

    /** A model record type and the entity that stores it. */
    private record EntityType<R extends Record, E extends StoredEntity<R>>(Class<E> entity, Function<R, E> create) {
    }

    private static final Map<Class<?>, EntityType<?, ?>> TYPES = Map.of(
            Notification.class, new EntityType<Notification, NotificationEntity>(NotificationEntity.class,
                    NotificationEntity::new),
            Reading.class, new EntityType<Reading, ReadingEntity>(ReadingEntity.class, ReadingEntity::new),
            Session.class, new EntityType<Session, SessionEntity>(SessionEntity.class, SessionEntity::new),
            ConfigEntry.class, new EntityType<ConfigEntry, ConfigEntity>(ConfigEntity.class, ConfigEntity::new),
            Category.class, new EntityType<Category, CategoryEntity>(CategoryEntity.class, CategoryEntity::new),
            CacheEntry.class, new EntityType<CacheEntry, CacheEntity>(CacheEntity.class, CacheEntity::new));

    /** A piece of plain JDBC work on the connection of the current JPA transaction. */
    @FunctionalInterface
    private interface SqlWork<R> {
        R run(Connection connection) throws SQLException;
    }

    private final DerbyDatabase database;
    private final EntityManagerFactory factory;
    /** Readings per tile of newly summarised series ({@link ReadingTiles}). */
    private final int tileSize;
    /** Serialises the read-then-write calls (get-or-create, set config, session list). */
    private final Object writeLock = new Object();
    /**
     * Serialises the writes of notifications, so their ids grow in commit order and a follower of the
     * log ({@link #notificationsAfter}) never passes one that commits later with a smaller id.
     */
    private final Object notificationLock = new Object();

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
        this.tileSize = tileSize;
        try (Connection connection = database.connect()) {
            Schema.create(connection, false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the workbench database " + database, e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.classloader", JpaClientStore.class.getClassLoader());
        properties.put("jakarta.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
        properties.put("jakarta.persistence.jdbc.url", database.openUrl());
        factory = new PersistenceProvider().createEntityManagerFactory(PERSISTENCE_UNIT, properties);
        if (factory == null) {
            throw new IllegalStateException("persistence unit " + PERSISTENCE_UNIT + " not found");
        }
    }

    /**
     * Makes once, on a session that does not exist, the calls the Plot makes when it opens a session,
     * so that Derby compiles their statements and EclipseLink parses its queries and loads its classes
     * here ({@link ClientStoreService} calls this on its opening thread) rather than during the first
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
        jdbc(connection -> {
            BucketQuery.compile(connection);
            ReadingTiles.compile(connection);
            return null;
        });
        jdbc(connection -> ReadingTiles.sampleRange(connection, WARM_UP_TILES)).ifPresent(
                series -> buckets(series[0], series[1], series[2], series[3], WARM_UP_BUCKETS));
    }

    /** Closes EclipseLink's connections, then shuts Derby's database down cleanly. */
    public void close() {
        factory.close();
        try {
            database.shutdown();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Derby did not shut down cleanly: " + database, e);
        }
    }

    // --- plumbing --------------------------------------------------------------------------

    private <R> R inTransaction(Function<EntityManager, R> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            R result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private <R> R read(Function<EntityManager, R> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Runs plain JDBC on EclipseLink's connection, inside a JPA transaction. */
    private <R> R jdbc(SqlWork<R> work) {
        return inTransaction(em -> sql(em, work));
    }

    /** Runs plain JDBC on the connection of the current transaction of {@code em}. */
    private static <R> R sql(EntityManager em, SqlWork<R> work) {
        try {
            return work.run(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new IllegalStateException("workbench database error: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> EntityType<R, StoredEntity<R>> typeOf(Class<R> type) {
        EntityType<?, ?> entityType = TYPES.get(type);
        if (entityType == null) {
            throw new IllegalArgumentException("not a stored record type: " + type.getName());
        }
        return (EntityType<R, StoredEntity<R>>) entityType;
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> StoredEntity<R> toEntity(R item) {
        EntityType<R, StoredEntity<R>> type = typeOf((Class<R>) item.getClass());
        if (componentValue(item, "id") != null) {
            throw new IllegalArgumentException("record is already stored (it has an id): " + item);
        }
        return type.create().apply(item);
    }

    private static Object componentValue(Record item, String name) {
        for (RecordComponent component : item.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(item);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    private static <R extends Record> List<R> records(List<? extends StoredEntity<R>> entities) {
        return entities.stream().map(StoredEntity::toRecord).toList();
    }

    // --- generic access ----------------------------------------------------------------------

    @Override
    public <T extends Record> T add(T item) {
        return addMany(List.of(item)).get(0);
    }

    @Override
    public <T extends Record> List<T> addMany(List<T> items) {
        if (items.stream().anyMatch(Notification.class::isInstance)) {
            synchronized (notificationLock) {
                return insert(items);
            }
        }
        return insert(items);
    }

    private <T extends Record> List<T> insert(List<T> items) {
        List<StoredEntity<T>> entities = items.stream().map(JpaClientStore::toEntity).toList();
        return inTransaction(em -> {
            entities.forEach(em::persist);
            for (T item : items) {
                if (item instanceof Reading reading) {
                    sql(em, connection -> {
                        ReadingTiles.recordSingle(connection, reading.sessionId(), reading.categoryId(),
                                reading.timeLogged());
                        return null;
                    });
                }
            }
            return records(entities);
        });
    }

    @Override
    public <T extends Record> List<T> all(Class<T> type) {
        return find(type, Map.of());
    }

    @Override
    public <T extends Record> List<T> find(Class<T> type, Map<String, ?> query) {
        return read(em -> records(query(em, type, query).getResultList()));
    }

    @Override
    public <T extends Record> Optional<T> get(Class<T> type, Map<String, ?> query) {
        return read(em -> records(query(em, type, query).setMaxResults(1).getResultList()).stream().findFirst());
    }

    @Override
    public <T extends Record> Optional<T> getById(Class<T> type, long id) {
        EntityType<T, StoredEntity<T>> entityType = typeOf(type);
        return read(em -> Optional.ofNullable(em.find(entityType.entity(), id)).map(StoredEntity::toRecord));
    }

    /** A criteria query: every entry of {@code query} is an equality on the component of that name. */
    private static <T extends Record> TypedQuery<StoredEntity<T>> query(EntityManager em, Class<T> type,
            Map<String, ?> query) {
        Class<StoredEntity<T>> entity = typeOf(type).entity();
        Map<String, Class<?>> components = new HashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(component.getName(), component.getType());
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<StoredEntity<T>> criteria = cb.createQuery(entity);
        Root<StoredEntity<T>> root = criteria.from(entity);
        List<Predicate> predicates = new ArrayList<>();
        for (Map.Entry<String, ?> entry : query.entrySet()) {
            Class<?> componentType = components.get(entry.getKey());
            if (componentType == null) {
                throw new IllegalArgumentException(
                        "'" + entry.getKey() + "' is not a field of " + type.getSimpleName() + ": " + components.keySet());
            }
            Object value = QueryValues.coerce(entry.getKey(), entry.getValue(), componentType);
            predicates.add(value == null ? cb.isNull(root.get(entry.getKey()))
                    : cb.equal(root.get(entry.getKey()), value));
        }
        criteria.select(root).where(predicates.toArray(Predicate[]::new)).orderBy(cb.asc(root.get("id")));
        return em.createQuery(criteria);
    }

    // --- readings and cache ------------------------------------------------------------------

    @Override
    public Reading addReading(long sessionId, long timeLogged, long categoryId, double value) {
        return add(Reading.of(sessionId, timeLogged, categoryId, value));
    }

    @Override
    public CacheEntry addCache(long timeLogged, long categoryId, double value) {
        return add(CacheEntry.of(timeLogged, categoryId, value));
    }

    @Override
    public int addReadings(long sessionId, ReadingBatch batch) {
        return jdbc(connection -> BulkReadingWriter.write(connection, sessionId, batch, tileSize));
    }

    @Override
    public List<List<CacheEntry>> getCache(long since) {
        return read(em -> {
            List<Long> variables = em.createQuery(
                    "SELECT DISTINCT c.categoryId FROM CacheEntity c ORDER BY c.categoryId", Long.class)
                    .getResultList();
            List<List<CacheEntry>> result = new ArrayList<>(variables.size());
            for (long variable : variables) {
                List<CacheEntity> entries = em.createQuery("SELECT c FROM CacheEntity c WHERE c.categoryId = :v "
                        + "AND c.timeLogged >= :since ORDER BY c.timeLogged DESC, c.id DESC", CacheEntity.class)
                        .setParameter("v", variable)
                        .setParameter("since", since > 0 ? since : Long.MIN_VALUE)
                        .setMaxResults(CACHE_LIMIT_PER_VARIABLE)
                        .getResultList();
                if (!entries.isEmpty()) {
                    result.add(records(entries));
                }
            }
            return result;
        });
    }

    @Override
    public List<Category> getCacheVariables() {
        return read(em -> records(em.createQuery("SELECT k FROM CategoryEntity k WHERE k.id IN "
                + "(SELECT c.categoryId FROM CacheEntity c) ORDER BY k.id", CategoryEntity.class).getResultList()));
    }

    @Override
    public void clearCache() {
        inTransaction(em -> em.createQuery("DELETE FROM CacheEntity c").executeUpdate());
    }

    // --- configuration -----------------------------------------------------------------------

    @Override
    public Optional<ConfigEntry> getConfig(String key) {
        return read(em -> configEntity(em, key).map(ConfigEntity::toRecord));
    }

    private static Optional<ConfigEntity> configEntity(EntityManager em, String key) {
        return em.createQuery("SELECT c FROM ConfigEntity c WHERE c.key = :key", ConfigEntity.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    @Override
    public void setConfig(String key, String value, boolean update) {
        ConfigEntry entry = new ConfigEntry(null, key, value);
        synchronized (writeLock) {
            inTransaction(em -> {
                Optional<ConfigEntity> existing = configEntity(em, key);
                if (existing.isEmpty()) {
                    em.persist(new ConfigEntity(entry));
                } else if (update) {
                    existing.get().setValue(value);
                }
                return null;
            });
        }
    }

    @Override
    public boolean removeConfig(String key) {
        synchronized (writeLock) {
            return inTransaction(em -> em.createQuery("DELETE FROM ConfigEntity c WHERE c.key = :key")
                    .setParameter("key", key).executeUpdate() > 0);
        }
    }

    // --- categories and sessions -------------------------------------------------------------

    @Override
    public long getOrCreateCategory(String variableName) {
        Category wanted = Category.named(variableName);
        synchronized (writeLock) {
            return inTransaction(em -> {
                Optional<CategoryEntity> existing = em.createQuery(
                        "SELECT k FROM CategoryEntity k WHERE k.variableName = :name", CategoryEntity.class)
                        .setParameter("name", variableName).getResultStream().findFirst();
                if (existing.isPresent()) {
                    return existing.get().toRecord().id();
                }
                CategoryEntity created = new CategoryEntity(wanted);
                em.persist(created);
                return created.toRecord().id();
            });
        }
    }

    @Override
    public List<Reading> getSessionReadings(long sessionId) {
        return read(em -> records(em.createQuery(
                "SELECT r FROM ReadingEntity r WHERE r.sessionId = :s ORDER BY r.timeLogged, r.id", ReadingEntity.class)
                .setParameter("s", sessionId).getResultList()));
    }

    @Override
    public List<Category> getSessionVariables(long sessionId) {
        // from the series summary: one row per variable instead of a scan of the readings
        return jdbc(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT k.id, k.variableName FROM category k "
                    + "WHERE k.id IN (SELECT s.categoryId FROM series_summary s WHERE s.sessionId = ?) ORDER BY k.id")) {
                query.setLong(1, sessionId);
                List<Category> categories = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        categories.add(new Category(rs.getLong(1), rs.getString(2)));
                    }
                }
                return categories;
            }
        });
    }

    private static boolean hasReadings(EntityManager em, long sessionId) {
        return !em.createQuery("SELECT r.id FROM ReadingEntity r WHERE r.sessionId = :s", Long.class)
                .setParameter("s", sessionId).setMaxResults(1).getResultList().isEmpty();
    }

    private static Optional<SessionEntity> sessionEntity(EntityManager em, long sessionId) {
        return em.createQuery("SELECT s FROM SessionEntity s WHERE s.refId = :s", SessionEntity.class)
                .setParameter("s", sessionId).getResultStream().findFirst();
    }

    /** Deletes a session's readings and their summary in the caller's transaction. */
    private static void deleteReadings(EntityManager em, long sessionId) {
        sql(em, connection -> {
            ReadingTiles.deleteSession(connection, sessionId);
            return null;
        });
        em.createQuery("DELETE FROM ReadingEntity r WHERE r.sessionId = :s").setParameter("s", sessionId)
                .executeUpdate();
    }

    /** Deletes a session's readings and raw messages in the caller's transaction. */
    private static void deleteSessionData(EntityManager em, long sessionId) {
        deleteReadings(em, sessionId);
        sql(em, connection -> {
            RawMessageTable.delete(connection, sessionId);
            return null;
        });
    }

    @Override
    public void updateSessionList(List<SessionSummary> sessions) {
        synchronized (writeLock) {
            inTransaction(em -> {
                Map<Long, SessionEntity> stored = new HashMap<>();
                for (SessionEntity entity : em.createQuery("SELECT s FROM SessionEntity s", SessionEntity.class)
                        .getResultList()) {
                    stored.put(entity.toRecord().refId(), entity);
                }
                Set<Long> listed = new HashSet<>();
                for (SessionSummary summary : sessions) {
                    listed.add(summary.id());
                    SessionEntity entity = stored.get(summary.id());
                    if (entity == null) {
                        entity = new SessionEntity();
                        em.persist(entity);
                    }
                    entity.update(summary);
                    entity.setAvailable(hasReadings(em, summary.id()));
                }
                for (Map.Entry<Long, SessionEntity> entry : stored.entrySet()) {
                    if (!listed.contains(entry.getKey())) {
                        deleteSessionData(em, entry.getKey());
                        em.remove(entry.getValue());
                    }
                }
                return null;
            });
        }
    }

    @Override
    public void updateSessionAvailability(long sessionId) {
        inTransaction(em -> {
            sessionEntity(em, sessionId).ifPresent(s -> s.setAvailable(hasReadings(em, sessionId)));
            return null;
        });
    }

    @Override
    public void markSessionVerified(long sessionId, long messageCount) {
        inTransaction(em -> {
            sessionEntity(em, sessionId).ifPresent(s -> {
                s.setVerifiedCount(messageCount);
                s.setAvailable(true);
            });
            return null;
        });
    }

    @Override
    public void clearSessionData(long sessionId) {
        inTransaction(em -> {
            deleteSessionData(em, sessionId);
            sessionEntity(em, sessionId).ifPresent(s -> {
                s.setVerifiedCount(null);
                s.setAvailable(false);
            });
            return null;
        });
    }

    @Override
    public void deleteSession(long sessionId) {
        inTransaction(em -> {
            deleteSessionData(em, sessionId);
            sessionEntity(em, sessionId).ifPresent(em::remove);
            return null;
        });
    }

    @Override
    public void clearSessionReadings(long sessionId) {
        inTransaction(em -> {
            deleteReadings(em, sessionId);
            return null;
        });
    }

    @Override
    public long forEachSessionReading(long sessionId, int chunkSize, Consumer<List<Reading>> chunkConsumer) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        }
        // One cursor, so the session is sorted once; the consumer runs while it is open.
        return jdbc(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, timeLogged, categoryId, value "
                    + "FROM reading WHERE sessionId = ? ORDER BY timeLogged, id")) {
                query.setLong(1, sessionId);
                query.setFetchSize(Math.min(chunkSize, 10_000));
                long delivered = 0;
                List<Reading> chunk = new ArrayList<>(Math.min(chunkSize, 10_000));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        chunk.add(new Reading(rs.getLong(1), sessionId, rs.getLong(2), rs.getLong(3), rs.getDouble(4)));
                        if (chunk.size() == chunkSize) {
                            chunkConsumer.accept(List.copyOf(chunk));
                            delivered += chunk.size();
                            chunk.clear();
                        }
                    }
                }
                if (!chunk.isEmpty()) {
                    chunkConsumer.accept(List.copyOf(chunk));
                    delivered += chunk.size();
                }
                return delivered;
            }
        });
    }

    @Override
    public List<Reading> seriesPage(long sessionId, long categoryId, long afterTime, long afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        // "timeLogged >= ?" is the index range start; the OR only filters the rows at afterTime itself
        return jdbc(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, timeLogged, value FROM reading "
                    + "WHERE sessionId = ? AND categoryId = ? AND timeLogged >= ? AND (timeLogged > ? OR id > ?) "
                    + "ORDER BY timeLogged, id FETCH FIRST ? ROWS ONLY")) {
                query.setLong(1, sessionId);
                query.setLong(2, categoryId);
                query.setLong(3, afterTime);
                query.setLong(4, afterTime);
                query.setLong(5, afterId);
                query.setInt(6, limit);
                List<Reading> page = new ArrayList<>(Math.min(limit, 10_000));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        page.add(new Reading(rs.getLong(1), sessionId, rs.getLong(2), categoryId, rs.getDouble(3)));
                    }
                }
                return page;
            }
        });
    }

    @Override
    public void addDownloadChunk(long sessionId, long firstIndex, List<String> rawLines, ReadingBatch readings) {
        jdbc(connection -> {
            RawMessageTable.append(connection, sessionId, firstIndex, rawLines);
            return BulkReadingWriter.write(connection, sessionId, readings, tileSize);
        });
    }

    @Override
    public long rawMessageCount(long sessionId) {
        return jdbc(connection -> RawMessageTable.count(connection, sessionId));
    }

    @Override
    public long readRawMessages(long sessionId, long fromIndex, int chunkSize, Consumer<List<String>> chunkConsumer) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        }
        // Chunk by chunk, each in its own short read, so the consumer may write to the store.
        long next = Math.max(0, fromIndex);
        long delivered = 0;
        while (true) {
            long from = next;
            List<String> chunk = jdbc(connection -> RawMessageTable.read(connection, sessionId, from, chunkSize));
            if (chunk.isEmpty()) {
                return delivered;
            }
            chunkConsumer.accept(chunk);
            delivered += chunk.size();
            next += chunk.size();
        }
    }

    @Override
    public Optional<Session> getSession(long sessionId) {
        return read(em -> sessionEntity(em, sessionId).map(SessionEntity::toRecord));
    }

    @Override
    public List<Bucket> buckets(long sessionId, long categoryId, long fromTime, long toTime, int width) {
        return jdbc(connection -> BucketQuery.run(connection, sessionId, categoryId, fromTime, toTime, width,
                tileSize));
    }

    @Override
    public Optional<long[]> sessionTimeRange(long sessionId) {
        return jdbc(connection -> ReadingTiles.sessionTimeRange(connection, sessionId));
    }

    // --- notifications -----------------------------------------------------------------------

    @Override
    public Notification logError(String description, int severity) {
        return add(new Notification(null, System.currentTimeMillis(), severity, description));
    }

    @Override
    public List<Notification> notificationsAfter(long afterId, int severity, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        // an equality and a range on the index: the rows read are the rows returned
        return jdbc(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, timeLogged, description "
                    + "FROM notifications --DERBY-PROPERTIES index=" + Schema.NOTIFICATION_INDEX + "\n"
                    + "WHERE severity = ? AND id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
                query.setInt(1, severity);
                query.setLong(2, afterId);
                query.setInt(3, limit);
                List<Notification> page = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        page.add(new Notification(rs.getLong(1), rs.getLong(2), severity, rs.getString(3)));
                    }
                }
                return page;
            }
        });
    }

    @Override
    public void clearErrors() {
        inTransaction(em -> em.createQuery("DELETE FROM NotificationEntity n").executeUpdate());
    }

    @Override
    public boolean handleError(long notificationId) {
        return inTransaction(em -> {
            NotificationEntity entity = em.find(NotificationEntity.class, notificationId);
            if (entity != null) {
                em.remove(entity);
            }
            return entity != null;
        });
    }

    // --- schema and fixtures -----------------------------------------------------------------

    @Override
    public void createTables(boolean forceDrop) {
        synchronized (writeLock) {
            jdbc(connection -> {
                Schema.create(connection, forceDrop);
                return null;
            });
            if (forceDrop) {
                // ids EclipseLink took from the dropped generator rows must not be handed out again
                JpaHelper.getServerSession(factory).getSequencingControl().initializePreallocated();
            }
        }
    }

    @Override
    public void loadFixtures(boolean testing) {
        for (Map.Entry<String, String> entry : Fixtures.DEFAULT_CONFIG) {
            setConfig(entry.getKey(), entry.getValue(), false);
        }
        if (testing) {
            long time0 = System.currentTimeMillis();
            addMany(Fixtures.categories());
            addMany(Fixtures.readings(time0));
            addMany(Fixtures.cache(time0));
            addMany(Fixtures.sessions(time0));
        }
    }
}
