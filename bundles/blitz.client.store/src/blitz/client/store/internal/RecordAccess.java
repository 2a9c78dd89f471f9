// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import blitz.model.CacheEntry;
import blitz.model.Category;
import blitz.model.ConfigEntry;
import blitz.model.Notification;
import blitz.model.Reading;
import blitz.model.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * The original's generic record access ({@code add}, {@code add_many}, {@code all}, {@code find},
 * {@code get}, {@code get_by_id}) over the six model records and their entities. A query map names
 * record components; entity fields carry the same names, so each entry becomes a JPQL equality.
 */
final class RecordAccess {

    /** A model record type, the entity that stores it, and the record's id. */
    private record EntityType<R extends Record, E extends StoredEntity<R>>(Class<E> entity, Function<R, E> create,
            Function<R, Long> id) {
    }

    private static final Map<Class<?>, EntityType<?, ?>> TYPES = Map.of(
            Notification.class, new EntityType<Notification, NotificationEntity>(NotificationEntity.class,
                    NotificationEntity::new, Notification::id),
            Reading.class, new EntityType<Reading, ReadingEntity>(ReadingEntity.class, ReadingEntity::new, Reading::id),
            Session.class, new EntityType<Session, SessionEntity>(SessionEntity.class, SessionEntity::new, Session::id),
            ConfigEntry.class, new EntityType<ConfigEntry, ConfigEntity>(ConfigEntity.class, ConfigEntity::new,
                    ConfigEntry::id),
            Category.class, new EntityType<Category, CategoryEntity>(CategoryEntity.class, CategoryEntity::new,
                    Category::id),
            CacheEntry.class, new EntityType<CacheEntry, CacheEntity>(CacheEntity.class, CacheEntity::new,
                    CacheEntry::id));

    private final Transactions transactions;
    /**
     * Serialises the writes of notifications, so their ids grow in commit order and a follower of the
     * log ({@link NotificationTable#notificationsAfter}) never passes one that commits later with a smaller id.
     */
    private final Object notificationLock = new Object();

    RecordAccess(Transactions transactions) {
        this.transactions = transactions;
    }

    <T extends Record> T add(T item) {
        return addMany(List.of(item)).get(0);
    }

    <T extends Record> List<T> addMany(List<T> items) {
        if (items.stream().anyMatch(Notification.class::isInstance)) {
            synchronized (notificationLock) {
                return insert(items);
            }
        }
        return insert(items);
    }

    private <T extends Record> List<T> insert(List<T> items) {
        List<StoredEntity<T>> entities = items.stream().map(RecordAccess::toEntity).toList();
        return transactions.inTransaction(em -> {
            entities.forEach(em::persist);
            for (T item : items) {
                if (item instanceof Reading reading) {
                    Transactions.sql(em, connection -> {
                        ReadingTiles.recordSingle(connection, reading.sessionId(), reading.categoryId(),
                                reading.timeLogged());
                        return null;
                    });
                }
            }
            return records(entities);
        });
    }

    <T extends Record> List<T> all(Class<T> type) {
        return find(type, Map.of());
    }

    <T extends Record> List<T> find(Class<T> type, Map<String, ?> query) {
        return transactions.read(em -> records(query(em, type, query).getResultList()));
    }

    <T extends Record> Optional<T> get(Class<T> type, Map<String, ?> query) {
        return transactions.read(em -> records(query(em, type, query).setMaxResults(1).getResultList()).stream()
                .findFirst());
    }

    <T extends Record> Optional<T> getById(Class<T> type, long id) {
        EntityType<T, StoredEntity<T>> entityType = typeOf(type);
        return transactions.read(em -> Optional.ofNullable(em.find(entityType.entity(), id))
                .map(StoredEntity::toRecord));
    }

    static <R extends Record> List<R> records(List<? extends StoredEntity<R>> entities) {
        return entities.stream().map(StoredEntity::toRecord).toList();
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
        if (type.id().apply(item) != null) {
            throw new IllegalArgumentException("record is already stored (it has an id): " + item);
        }
        return type.create().apply(item);
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
}
