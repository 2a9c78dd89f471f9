// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import blitz.client.store.internal.DerbyDatabase;
import blitz.model.Notification;
import blitz.model.Reading;
import blitz.model.client.Bucket;
import blitz.model.client.ClientStore;
import blitz.model.client.ReadingBatch;

/**
 * Real Derby files: data survives the component's restart, and a JVM killed in the middle of bulk
 * inserts loses no committed chunk and shows no partial one.
 */
class DurabilityTest {
    private static final int CHUNK = 20_000;

    @AfterAll
    static void backToMemory() {
        StoreService.configure("memory");
    }

    private static long countReadings(ClientStore store, long sessionId, long categoryId) {
        return store.buckets(sessionId, categoryId, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, 1).stream()
                .mapToLong(Bucket::count).sum();
    }

    @Test
    void dataSurvivesAComponentRestart() {
        Path folder = StoreService.scratchFolder("reopen").resolve("db");
        ClientStore store = StoreService.configure(folder.toString());
        store.loadFixtures(true);
        ReadingBatch batch = new ReadingBatch(10);
        for (int i = 0; i < 5000; i++) {
            batch.add(i, 1, i / 3.0);
        }
        store.addReadings(3, batch);
        Reading single = store.addReading(3, 9999, 2, 1.5);
        assertTrue(Files.isDirectory(folder.resolve("seg0")), "Derby files in the configured folder");

        StoreService.configure("memory");
        ClientStore reopened = StoreService.configure(folder.toString());
        assertEquals(5001, reopened.getSessionReadings(3).size());
        assertEquals(single, reopened.getById(Reading.class, single.id()).orElseThrow());
        assertEquals("8989", reopened.getConfig("loggerPort").orElseThrow().value());
        assertEquals(2, reopened.getSession(2).orElseThrow().refId());
        Reading next = reopened.addReading(3, 10_000, 2, 2.5);
        assertTrue(next.id() > single.id(), "ids continue after a restart");
    }

    @Test
    void aDatabaseMadeBeforeTheNotificationIndexGetsItWhenOpened() throws Exception {
        Path folder = StoreService.scratchFolder("older").resolve("db");
        Notification started = StoreService.configure(folder.toString()).logError("Session 4 started",
                Notification.INFO);
        StoreService.configure("memory");
        DerbyDatabase older = DerbyDatabase.of(folder.toString());
        try (Connection connection = older.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX notification_severity");
        }
        older.shutdown();

        ClientStore reopened = StoreService.configure(folder.toString());
        // the query names the index: Derby refuses it when the index is missing
        assertEquals(List.of(started), reopened.notificationsAfter(0, Notification.INFO, 10));
    }

    @Test
    void killedBulkWriterLeavesWholeChunksOnly() throws Exception {
        Path folder = StoreService.scratchFolder("crash").resolve("db");
        String classpath = String.join(File.pathSeparator,
                List.of(System.getProperty("blitz.test.crash.classpath"), lib("derby.jar"), lib("derbyshared.jar"),
                        lib("derbytools.jar")));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, CrashWriter.class.getName(), folder.toString(), "7", "1", Integer.toString(CHUNK))
                .redirectErrorStream(true).start();
        long committed = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder unexpected = new StringBuilder();
            while ((line = out.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    committed = Long.parseLong(line.substring(10));
                } else if (line.startsWith("BEGIN ") && committed >= 3) {
                    StoreService.sleep(30); // inside the next chunk's inserts
                    child.destroyForcibly();
                    break;
                } else if (!line.startsWith("BEGIN ")) {
                    unexpected.append(line).append('\n');
                }
            }
            assertTrue(committed >= 3, "child wrote chunks before the kill; its output:\n" + unexpected);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        ClientStore store = StoreService.configure(folder.toString());
        long count = countReadings(store, 7, 1);
        long chunks = count / CHUNK;
        assertEquals(0, count % CHUNK, "no partial chunk: " + count + " readings");
        assertTrue(chunks >= committed + 1, "every reported chunk is there: " + chunks + " of " + (committed + 1));
        assertTrue(chunks <= committed + 2, "at most the chunk being written when killed: " + chunks);
        assertEquals(count, store.buckets(7, 1, 0, chunks * CHUNK, 1).get(0).count(), "the first chunks, whole");
    }

    private static String lib(String jar) throws IOException {
        Path path = Path.of(System.getProperty("blitz.test.derby.lib"), jar);
        if (!Files.isRegularFile(path)) {
            throw new IOException("Derby jar missing (build bundles/blitz.derby first): " + path);
        }
        return path.toString();
    }
}
