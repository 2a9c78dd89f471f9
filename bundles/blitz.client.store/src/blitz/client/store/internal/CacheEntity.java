// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import blitz.model.CacheEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

@Entity
@Table(name = "cache")
public class CacheEntity implements StoredEntity<CacheEntry> {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "cache_ids")
    @TableGenerator(name = "cache_ids", table = Schema.SEQUENCE_TABLE, pkColumnName = Schema.SEQUENCE_NAME,
            valueColumnName = Schema.SEQUENCE_COUNT, pkColumnValue = "cache", allocationSize = 1000)
    private Long id;
    private long timeLogged;
    private long categoryId;
    private double value;

    public CacheEntity() {
    }

    CacheEntity(CacheEntry entry) {
        timeLogged = entry.timeLogged();
        categoryId = entry.categoryId();
        value = entry.value();
    }

    @Override
    public CacheEntry toRecord() {
        return new CacheEntry(id, timeLogged, categoryId, value);
    }
}
