// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import blitz.model.ConfigEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

@Entity
@Table(name = "config")
public class ConfigEntity implements StoredEntity<ConfigEntry> {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "config_ids")
    @TableGenerator(name = "config_ids", table = Schema.SEQUENCE_TABLE, pkColumnName = Schema.SEQUENCE_NAME,
            valueColumnName = Schema.SEQUENCE_COUNT, pkColumnValue = "config", allocationSize = 50)
    private Long id;
    /** KEY is a reserved word in Derby, hence the column name. */
    @Column(name = "configKey")
    private String key;
    @Column(length = Schema.TEXT_LENGTH)
    private String value;

    public ConfigEntity() {
    }

    ConfigEntity(ConfigEntry entry) {
        key = entry.key();
        value = entry.value();
    }

    void setValue(String newValue) {
        value = newValue;
    }

    @Override
    public ConfigEntry toRecord() {
        return new ConfigEntry(id, key, value);
    }
}
