// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import blitz.model.Notification;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

@Entity
@Table(name = "notifications")
public class NotificationEntity implements StoredEntity<Notification> {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "notification_ids")
    @TableGenerator(name = "notification_ids", table = Schema.SEQUENCE_TABLE, pkColumnName = Schema.SEQUENCE_NAME,
            valueColumnName = Schema.SEQUENCE_COUNT, pkColumnValue = "notifications", allocationSize = 50)
    private Long id;
    private long timeLogged;
    private int severity;
    @Column(length = Schema.TEXT_LENGTH)
    private String description;

    public NotificationEntity() {
    }

    NotificationEntity(Notification notification) {
        timeLogged = notification.timeLogged();
        severity = notification.severity();
        description = notification.description();
    }

    @Override
    public Notification toRecord() {
        return new Notification(id, timeLogged, severity, description);
    }
}
