// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import blitz.model.Reading;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

@Entity
@Table(name = "reading")
public class ReadingEntity implements StoredEntity<Reading> {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "reading_ids")
    @TableGenerator(name = "reading_ids", table = Schema.SEQUENCE_TABLE, pkColumnName = Schema.SEQUENCE_NAME,
            valueColumnName = Schema.SEQUENCE_COUNT, pkColumnValue = Schema.READING_SEQUENCE,
            allocationSize = 1000)
    private Long id;
    private long sessionId;
    private long timeLogged;
    private long categoryId;
    private double value;

    public ReadingEntity() {
    }

    ReadingEntity(Reading reading) {
        sessionId = reading.sessionId();
        timeLogged = reading.timeLogged();
        categoryId = reading.categoryId();
        value = reading.value();
    }

    @Override
    public Reading toRecord() {
        return new Reading(id, sessionId, timeLogged, categoryId, value);
    }
}
