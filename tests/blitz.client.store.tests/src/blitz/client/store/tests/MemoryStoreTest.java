// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.tests;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import blitz.model.SessionSummary;
import blitz.model.client.ClientStore;
import blitz.testing.ClientStores;

/** The set-up of the tests on one in-memory store: emptied before each test, then given {@link #sessions()}. */
abstract class MemoryStoreTest {
    static ClientStore store;

    @BeforeAll
    static void startStore() {
        store = ClientStores.inMemory();
    }

    @BeforeEach
    void emptyStore() {
        store.createTables(true);
        store.updateSessionList(sessions());
    }

    /** @return the session list each test starts with */
    List<SessionSummary> sessions() {
        return List.of();
    }
}
