// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.util.List;

import blitz.model.Notification;
import blitz.model.client.NotificationLog;

/** The notification log on the {@code notifications} table. */
final class NotificationTable implements NotificationLog {
    private final Transactions transactions;
    /** Inserts notifications under the lock that keeps their ids in commit order. */
    private final RecordAccess records;

    NotificationTable(Transactions transactions, RecordAccess records) {
        this.transactions = transactions;
        this.records = records;
    }

    @Override
    public Notification logError(String description, int severity) {
        return logError(description, severity, System.currentTimeMillis());
    }

    @Override
    public Notification logError(String description, int severity, long timeLogged) {
        return records.add(new Notification(null, timeLogged, severity, description));
    }

    @Override
    public List<Notification> notifications() {
        return transactions.read(em -> RecordAccess.records(em.createQuery(
                "SELECT n FROM NotificationEntity n ORDER BY n.id", NotificationEntity.class).getResultList()));
    }

    @Override
    public List<Notification> notificationsAfter(long afterId, int severity, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        // an equality and a range on the index: the rows read are the rows returned
        return transactions.jdbc(connection -> Sql.list(connection, "SELECT id, timeLogged, description "
                + "FROM notifications --DERBY-PROPERTIES index=" + Schema.NOTIFICATION_INDEX + "\n"
                + "WHERE severity = ? AND id > ? ORDER BY id FETCH FIRST ? ROWS ONLY",
                rs -> new Notification(rs.getLong(1), rs.getLong(2), severity, rs.getString(3)),
                severity, afterId, limit));
    }

    @Override
    public void clearErrors() {
        transactions.inTransaction(em -> em.createQuery("DELETE FROM NotificationEntity n").executeUpdate());
    }

    @Override
    public boolean handleError(long notificationId) {
        return transactions.inTransaction(em -> {
            NotificationEntity entity = em.find(NotificationEntity.class, notificationId);
            if (entity != null) {
                em.remove(entity);
            }
            return entity != null;
        });
    }
}
