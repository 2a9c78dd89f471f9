// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.util.ArrayList;
import java.util.List;

import blitz.model.CacheEntry;
import blitz.model.Category;
import blitz.model.client.LiveCache;

/** The live values cache on the {@code cache} table. */
final class CacheTable implements LiveCache {
    private final Transactions transactions;
    private final RecordAccess records;

    CacheTable(Transactions transactions, RecordAccess records) {
        this.transactions = transactions;
        this.records = records;
    }

    @Override
    public CacheEntry addCache(long timeLogged, long categoryId, double value) {
        return records.add(CacheEntry.of(timeLogged, categoryId, value));
    }

    @Override
    public List<List<CacheEntry>> getCache(long since) {
        return transactions.read(em -> {
            List<Long> variables = em.createQuery(
                    "SELECT DISTINCT c.categoryId FROM CacheEntity c ORDER BY c.categoryId", Long.class)
                    .getResultList();
            List<List<CacheEntry>> result = new ArrayList<>(variables.size());
            for (long variable : variables) {
                List<CacheEntity> entries = em.createQuery("SELECT c FROM CacheEntity c WHERE c.categoryId = :v "
                        + "AND c.timeLogged >= :since ORDER BY c.timeLogged DESC, c.id DESC", CacheEntity.class)
                        .setParameter("v", variable)
                        .setParameter("since", since > 0 ? since : Long.MIN_VALUE)
                        .setMaxResults(CACHE_LIMIT_PER_VARIABLE)
                        .getResultList();
                if (!entries.isEmpty()) {
                    result.add(RecordAccess.records(entries));
                }
            }
            return result;
        });
    }

    @Override
    public List<Category> getCacheVariables() {
        return transactions.read(em -> RecordAccess.records(em.createQuery("SELECT k FROM CategoryEntity k WHERE k.id IN "
                + "(SELECT c.categoryId FROM CacheEntity c) ORDER BY k.id", CategoryEntity.class).getResultList()));
    }

    @Override
    public void clearCache() {
        transactions.inTransaction(em -> em.createQuery("DELETE FROM CacheEntity c").executeUpdate());
    }
}
