// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.util.List;
import java.util.Optional;

import blitz.model.Category;
import blitz.model.client.CategoryCatalog;

/** The variable names on the {@code category} table. */
final class CategoryTable implements CategoryCatalog {
    private final Transactions transactions;

    CategoryTable(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public long getOrCreateCategory(String variableName) {
        return transactions.serialised(em -> {
            Optional<CategoryEntity> existing = em.createQuery(
                    "SELECT k FROM CategoryEntity k WHERE k.variableName = :name", CategoryEntity.class)
                    .setParameter("name", variableName).getResultStream().findFirst();
            if (existing.isPresent()) {
                return existing.get().toRecord().id();
            }
            CategoryEntity created = new CategoryEntity(Category.named(variableName));
            em.persist(created);
            return created.toRecord().id();
        });
    }

    @Override
    public List<Category> categories() {
        return transactions.read(em -> RecordAccess.records(
                em.createQuery("SELECT k FROM CategoryEntity k ORDER BY k.id", CategoryEntity.class).getResultList()));
    }
}
