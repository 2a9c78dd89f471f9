// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import blitz.model.Category;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

@Entity
@Table(name = "category")
public class CategoryEntity implements StoredEntity<Category> {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "category_ids")
    @TableGenerator(name = "category_ids", table = Schema.SEQUENCE_TABLE, pkColumnName = Schema.SEQUENCE_NAME,
            valueColumnName = Schema.SEQUENCE_COUNT, pkColumnValue = "category", allocationSize = 50)
    private Long id;
    private String variableName;

    public CategoryEntity() {
    }

    CategoryEntity(Category category) {
        variableName = category.variableName();
    }

    @Override
    public Category toRecord() {
        return new Category(id, variableName);
    }
}
