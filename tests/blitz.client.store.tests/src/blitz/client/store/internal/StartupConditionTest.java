// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.condition.Condition;

import blitz.model.client.ClientStore;
import blitz.testing.ClientStores;

/** The store told to open after the workbench's startup waits for the workbench's condition, not for E4. */
class StartupConditionTest {

    @Test
    void opensOnlyOnceTheWorkbenchHasStarted() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(StartupConditionTest.class).getBundleContext();
        System.setProperty(ClientStoreOpener.OPEN_AFTER_STARTUP, "true"); // BundleContext.getProperty falls back to it
        ServiceRegistration<Condition> started = null;
        try {
            CompletableFuture<ClientStore> store = CompletableFuture.supplyAsync(ClientStores::inMemory);
            TimeUnit.SECONDS.sleep(3);
            assertFalse(store.isDone(), "the store opened before the workbench had started");
            started = context.registerService(Condition.class, Condition.INSTANCE, new Hashtable<>(
                    Map.of(Condition.CONDITION_ID, ClientStore.WORKBENCH_STARTED_CONDITION)));
            assertNotNull(store.get(30, TimeUnit.SECONDS), "the store did not open once the workbench had started");
        } finally {
            System.clearProperty(ClientStoreOpener.OPEN_AFTER_STARTUP);
            if (started != null) {
                started.unregister();
            }
        }
    }
}
