// SPDX-License-Identifier: EPL-2.0
package blitz.model.client;

import java.util.List;

import blitz.model.Category;

/**
 * The variable names the workbench has seen, each with the id readings and cache entries refer to.
 *
 * <p>Guarantees: a name has exactly one category, created at most once even by concurrent callers;
 * ids are never reused (only {@link ClientStore#createTables} with {@code forceDrop} starts anew);
 * every method may be called from any thread.
 */
public interface CategoryCatalog {

    /** @return the id of the category with this name, created (atomically) if missing */
    long getOrCreateCategory(String variableName);

    /** @return every category, in id order */
    List<Category> categories();
}
