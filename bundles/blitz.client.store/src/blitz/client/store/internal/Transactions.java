// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.jpa.PersistenceProvider;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * The store's units of work: every call of a store role runs in its own entity manager and
 * transaction here, whether it works through JPA or plain JDBC on EclipseLink's connection.
 * EclipseLink's shared cache is off (persistence.xml), so rows written by plain JDBC (the bulk path,
 * bulk deletes) are never hidden behind stale cached objects.
 */
final class Transactions {
    static final String PERSISTENCE_UNIT = "blitz.client.store";

    /** A piece of plain JDBC work on the connection of the current JPA transaction. */
    @FunctionalInterface
    interface SqlWork<R> {
        R run(Connection connection) throws SQLException;
    }

    private final EntityManagerFactory factory;
    /** Serialises the read-then-write calls (get-or-create, set config, session list, schema). */
    private final Object writeLock = new Object();

    Transactions(DerbyDatabase database) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.classloader", Transactions.class.getClassLoader());
        properties.putAll(database.jpaConnectionProperties());
        factory = new PersistenceProvider().createEntityManagerFactory(PERSISTENCE_UNIT, properties);
        if (factory == null) {
            throw new IllegalStateException("persistence unit " + PERSISTENCE_UNIT + " not found");
        }
    }

    /** Runs {@code work} in a transaction of its own, committed when it returns, rolled back when it throws. */
    <R> R inTransaction(Function<EntityManager, R> work) {
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

    /** {@link #inTransaction} while holding the write lock, for calls that read before they write. */
    <R> R serialised(Function<EntityManager, R> work) {
        synchronized (writeLock) {
            return inTransaction(work);
        }
    }

    /** Runs a read without a transaction. */
    <R> R read(Function<EntityManager, R> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Runs plain JDBC on EclipseLink's connection, inside a transaction of its own. */
    <R> R jdbc(SqlWork<R> work) {
        return inTransaction(em -> sql(em, work));
    }

    /** Runs plain JDBC on the connection of the current transaction of {@code em}. */
    static <R> R sql(EntityManager em, SqlWork<R> work) {
        try {
            return work.run(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new IllegalStateException("workbench database error: " + e.getMessage(), e);
        }
    }

    /**
     * (Re)creates the schema under the write lock; after a drop, forgets the ids EclipseLink took
     * from the dropped generator rows so they are not handed out again.
     */
    void createSchema(boolean forceDrop) {
        synchronized (writeLock) {
            jdbc(connection -> {
                Schema.create(connection, forceDrop);
                return null;
            });
            if (forceDrop) {
                JpaHelper.getServerSession(factory).getSequencingControl().initializePreallocated();
            }
        }
    }

    /** Closes EclipseLink's connections. */
    void close() {
        factory.close();
    }
}
