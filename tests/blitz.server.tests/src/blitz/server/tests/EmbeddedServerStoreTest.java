// SPDX-License-Identifier: EPL-2.0
package blitz.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import blitz.model.server.ServerStore;
import blitz.testing.Osgi;

/** What only the embedded store does: crash recovery of its journal files, default activation. */
class EmbeddedServerStoreTest {
    private static final StoreUnderTest.Embedded EMBEDDED = StoreUnderTest.EMBEDDED;
    private static final int RECORD_HEADER = 8;

    @AfterAll
    static void release() {
        EMBEDDED.close();
    }

    private static List<String> numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
    }

    /** Writes a session, closes the store (so nothing holds the files) and returns the session's log. */
    private static Path writeAndRelease(int messages) throws InterruptedException {
        ServerStore store = EMBEDDED.open();
        store.startSession();
        store.queueAll(numbered(1, messages));
        store.stopSession();
        EMBEDDED.close(); // the default instance takes over in another folder
        RedisServerStoreTest.waitFor("the configured instance to go away",
                () -> RedisServerStoreTest.references("(blitz.test.generation=*)").stream()
                        .noneMatch(reference -> "embedded".equals(reference.getProperty("blitz.store.kind"))));
        return EMBEDDED.folder().resolve("session_1.log");
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    @Test
    void shouldRecoverATornLastRecordKeepingEveryCompleteOne() throws Exception {
        Path log = writeAndRelease(3_000);
        long size = Files.size(log);
        truncate(log, size - 3); // a crash in the middle of the last record "3000"

        ServerStore store = EMBEDDED.restart();
        assertEquals(2_999, store.messageCount(1));
        assertEquals(numbered(1, 2_999), store.allFromSession(1));
        assertEquals(size - (RECORD_HEADER + "3000".length()), Files.size(log), "the torn record is cut off");
        List<String> tail = new ArrayList<>();
        store.readSession(1, 2_048, 100, tail::addAll);
        assertEquals(numbered(2_049, 2_999), tail);
        assertEquals(2, store.startSession(), "the store keeps working");
        store.queue("next");
        store.stopSession();
        assertEquals(List.of("next"), store.allFromSession(2));
    }

    @Test
    void shouldDropIndexEntriesBeyondTheRecoveredData() throws Exception {
        Path log = writeAndRelease(5_000);
        // records "1".."9" take 9 bytes each, "10".."99" 10, "100".."999" 11, "1000".."5000" 12
        long firstThousand = 9 * 9 + 90 * 10 + 900 * 11;
        truncate(log, firstThousand + 1_500 * 12 + 5); // 2 499 whole records and a piece of the next

        ServerStore store = EMBEDDED.restart();
        assertEquals(2_499, store.messageCount(1));
        assertEquals(numbered(1, 2_499), store.allFromSession(1));
        List<String> fromIndex = new ArrayList<>();
        store.readSession(1, 2_047, 10, fromIndex::addAll);
        assertEquals(numbered(2_048, 2_499), fromIndex);
    }

    @Test
    void shouldBeActiveWithoutConfigurationAndRankBelowRedis() throws InterruptedException {
        EMBEDDED.close();
        RedisServerStoreTest.waitFor("the unconfigured embedded store", () -> RedisServerStoreTest
                .references("(&(blitz.store.kind=embedded)(!(blitz.test.generation=*)))").size() == 1);
        ServiceReference<ServerStore> reference = RedisServerStoreTest
                .references("(&(blitz.store.kind=embedded)(!(blitz.test.generation=*)))").get(0);
        assertEquals(-100, reference.getProperty(Constants.SERVICE_RANKING));
        ServerStore store = Osgi.context().getService(reference);
        try {
            assertTrue(store.health().connected(), store.health().detail());
            assertTrue(store.health().detail().contains(".blitz/runtime-store"), store.health().detail());
        } finally {
            Osgi.context().ungetService(reference);
        }
    }
}
