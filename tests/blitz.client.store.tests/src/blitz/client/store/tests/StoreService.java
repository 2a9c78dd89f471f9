// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import blitz.model.client.ClientStore;
import blitz.testing.ClientStores;

/** The store service configured for one test ({@link ClientStores}), scratch folders and pauses. */
final class StoreService {
    private StoreService() {
    }

    /** Points the store at {@code database} ("memory" or a folder) and returns the new instance. */
    static ClientStore configure(String database) {
        return ClientStores.configure(database, Map.of());
    }

    /** {@link #configure(String)} with the plot summary cut into tiles of {@code readingsPerTile}. */
    static ClientStore configure(String database, int readingsPerTile) {
        return ClientStores.configure(database, Map.of("readingsPerTile", readingsPerTile));
    }

    /** A fresh scratch folder under the module's work directory. */
    static Path scratchFolder(String prefix) {
        Path base = Path.of(System.getProperty("blitz.test.workdir", System.getProperty("java.io.tmpdir")));
        try {
            Files.createDirectories(base);
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
