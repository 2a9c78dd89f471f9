// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import blitz.model.Session;
import blitz.model.SessionSummary;
import blitz.model.client.SessionCatalog;
import jakarta.persistence.EntityManager;

/** The session list on the {@code session} table, with the removal of a session's downloaded data. */
final class SessionTable implements SessionCatalog {
    private final Transactions transactions;

    SessionTable(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<Session> sessions() {
        return transactions.read(em -> RecordAccess.records(
                em.createQuery("SELECT s FROM SessionEntity s ORDER BY s.id", SessionEntity.class).getResultList()));
    }

    @Override
    public Optional<Session> getSession(long sessionId) {
        return transactions.read(em -> sessionEntity(em, sessionId).map(SessionEntity::toRecord));
    }

    @Override
    public void updateSessionList(List<SessionSummary> sessions) {
        transactions.serialised(em -> {
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
                    deleteData(em, entry.getKey());
                    em.remove(entry.getValue());
                }
            }
            return null;
        });
    }

    @Override
    public void updateSessionAvailability(long sessionId) {
        transactions.inTransaction(em -> {
            sessionEntity(em, sessionId).ifPresent(s -> s.setAvailable(hasReadings(em, sessionId)));
            return null;
        });
    }

    @Override
    public void markSessionVerified(long sessionId, long messageCount) {
        setVerified(sessionId, messageCount, false);
    }

    @Override
    public void clearSessionData(long sessionId) {
        setVerified(sessionId, null, true);
    }

    /**
     * Records a session's verified count ({@code null}: not verified) and makes it available exactly
     * when verified; with {@code dropData} first removes its downloaded data.
     */
    private void setVerified(long sessionId, Long verifiedCount, boolean dropData) {
        transactions.inTransaction(em -> {
            if (dropData) {
                deleteData(em, sessionId);
            }
            sessionEntity(em, sessionId).ifPresent(s -> {
                s.setVerifiedCount(verifiedCount);
                s.setAvailable(verifiedCount != null);
            });
            return null;
        });
    }

    @Override
    public void deleteSession(long sessionId) {
        transactions.inTransaction(em -> {
            deleteData(em, sessionId);
            sessionEntity(em, sessionId).ifPresent(em::remove);
            return null;
        });
    }

    private static Optional<SessionEntity> sessionEntity(EntityManager em, long sessionId) {
        return em.createQuery("SELECT s FROM SessionEntity s WHERE s.refId = :s", SessionEntity.class)
                .setParameter("s", sessionId).getResultStream().findFirst();
    }

    private static boolean hasReadings(EntityManager em, long sessionId) {
        return Transactions.sql(em, connection -> ReadingTable.hasReadings(connection, sessionId));
    }

    /** Deletes a session's readings, their summary and its raw messages in the caller's transaction. */
    private static void deleteData(EntityManager em, long sessionId) {
        Transactions.sql(em, connection -> {
            ReadingTable.deleteSession(connection, sessionId);
            RawMessageTable.delete(connection, sessionId);
            return null;
        });
    }
}
