// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import blitz.model.client.ClientStore;
import blitz.testing.ClientStores;

/** The real client store service on an in-memory database ({@link ClientStores}); fixtures load once: a second load would duplicate them. */
public final class TestStore {
    private static ClientStore store;

    private TestStore() {
    }

    /** @return the store on an in-memory database with the original's fixtures, configured once per test run */
    public static synchronized ClientStore memory() {
        if (store == null) {
            store = ClientStores.inMemory();
            store.loadFixtures(true);
        }
        return store;
    }
}
