// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.util.List;
import java.util.Optional;

import blitz.model.ConfigEntry;
import blitz.model.client.ConfigStore;
import jakarta.persistence.EntityManager;

/** The key-value configuration on the {@code config} table. */
final class ConfigTable implements ConfigStore {
    private final Transactions transactions;

    ConfigTable(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<ConfigEntry> getConfig(String key) {
        return transactions.read(em -> configEntity(em, key).map(ConfigEntity::toRecord));
    }

    @Override
    public List<ConfigEntry> configEntries() {
        return transactions.read(em -> RecordAccess.records(
                em.createQuery("SELECT c FROM ConfigEntity c ORDER BY c.id", ConfigEntity.class).getResultList()));
    }

    @Override
    public void setConfig(String key, String value, boolean update) {
        transactions.serialised(em -> {
            Optional<ConfigEntity> existing = configEntity(em, key);
            if (existing.isEmpty()) {
                em.persist(new ConfigEntity(new ConfigEntry(null, key, value)));
            } else if (update) {
                existing.get().setValue(value);
            }
            return null;
        });
    }

    @Override
    public boolean removeConfig(String key) {
        return transactions.serialised(em -> em.createQuery("DELETE FROM ConfigEntity c WHERE c.key = :key")
                .setParameter("key", key).executeUpdate() > 0);
    }

    private static Optional<ConfigEntity> configEntity(EntityManager em, String key) {
        return em.createQuery("SELECT c FROM ConfigEntity c WHERE c.key = :key", ConfigEntity.class)
                .setParameter("key", key).getResultStream().findFirst();
    }
}
