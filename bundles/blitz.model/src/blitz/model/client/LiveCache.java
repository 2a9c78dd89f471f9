// SPDX-License-Identifier: EPL-2.0
package blitz.model.client;

import java.util.List;

import blitz.model.CacheEntry;
import blitz.model.Category;

/**
 * The latest live values the workbench received, kept per variable (the original's cache).
 *
 * <p>Guarantees: each write is committed when the call returns; values are stored as doubles at full
 * precision; every method may be called from any thread.
 */
public interface LiveCache {

    /** Entries per variable returned by {@link #getCache(long)}. */
    int CACHE_LIMIT_PER_VARIABLE = 50;

    /** Stores one live value. @return the stored entry, with its id */
    CacheEntry addCache(long timeLogged, long categoryId, double value);

    /**
     * Latest live values: for each variable in the cache, its newest entries (at most
     * {@link #CACHE_LIMIT_PER_VARIABLE}), newest first; with {@code since > 0} only entries with
     * {@code timeLogged >= since}.
     *
     * @return one list per variable, by category id; variables without such entries are left out
     */
    List<List<CacheEntry>> getCache(long since);

    /** @return the distinct categories that have cache entries, by id */
    List<Category> getCacheVariables();

    /** Removes every cache entry. */
    void clearCache();
}
