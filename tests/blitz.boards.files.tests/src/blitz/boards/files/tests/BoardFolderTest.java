// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecoderRegistry;
import blitz.testing.CapturedLog;
import blitz.testing.Osgi;
import blitz.testing.TestFolders;

/**
 * The running system follows a board folder: files load, reload and unload without a restart; a
 * bad file is logged and every other board keeps working; bundles ship boards under Blitz-Boards.
 */
class BoardFolderTest {
    private static final String PID = "blitz.boards.files";
    private static final int SENTINEL = 0x7D;

    @RegisterExtension
    final Osgi osgi = new Osgi();
    private Path folder;
    private DecoderRegistry registry;

    @BeforeEach
    void followANewFolder() throws Exception {
        folder = TestFolders.newFolder("boards");
        registry = Osgi.await(DecoderRegistry.class);
        // a sentinel board tells when the loader follows this folder: the previous test's configuration
        // is deleted just before, and SCR may apply that deletion after this update; the update is then
        // made again (with a new attempt number) rather than writing into a folder nobody follows
        Path sentinel = folder.resolve("sentinel.json");
        write(sentinel, board(SENTINEL, "Sentinel", 8));
        for (int attempt = 1;; attempt++) {
            osgi.configure(PID, Map.of("folder", folder.toString(), "attempt", attempt));
            long until = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < until && !registry.origin(SENTINEL).contains(folder.toString())) {
                Thread.sleep(20);
            }
            if (registry.origin(SENTINEL).contains(folder.toString())) {
                break;
            }
            assertTrue(attempt < 3, "the loader never followed " + folder);
        }
        Files.delete(sentinel);
        Osgi.eventually("the sentinel board gone", () -> registry.decoderFor(SENTINEL).isEmpty());
    }

    private static String board(int id, String name, int width) {
        return "{\"id\": " + id + ", \"name\": \"" + name + "\", \"fields\": [{\"name\": \"v" + id + "\", \"bitOffset\": 0, \"width\": "
                + width + ", \"unit\": \"V\"}]}";
    }

    private static void write(Path file, String text) throws Exception {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private double firstValue(String line) {
        DecodeResult result = registry.decode(line);
        return result.status() == DecodeResult.Status.DECODED ? result.values().get(0).value() : Double.NaN;
    }

    @Test
    void aFileIsLoadedChangedAndRemovedWhileRunning() throws Exception {
        Path file = folder.resolve("board-40.json");
        write(file, board(0x40, "Forty", 8));
        Osgi.eventually("board 0x40 from its file", () -> registry.decoderFor(0x40).isPresent());
        assertEquals("file " + file, registry.origin(0x40));
        assertEquals("Forty", registry.describe(0x40).description());
        assertEquals(0xAB, firstValue("40A0000003E8ABCD000000000000"));

        long changed = System.nanoTime();
        write(file, board(0x40, "Forty, wider", 16));
        Osgi.eventually("the changed file", () -> firstValue("40A0000003E8ABCD000000000000") == 0xABCD);
        System.out.println("BENCH board files: a changed file took effect after " + (System.nanoTime() - changed) / 1_000_000 + " ms");

        Files.delete(file);
        Osgi.eventually("the deleted file's board is gone", () -> registry.decoderFor(0x40).isEmpty());
    }

    @Test
    void aReloadNeverLeavesTheBoardWithoutADecoder() throws Exception {
        Path file = folder.resolve("board-41.json");
        write(file, board(0x41, "Reloaded", 8));
        Osgi.eventually("board 0x41", () -> registry.decoderFor(0x41).isPresent());
        for (int version = 0; version < 20; version++) {
            write(file, board(0x41, "Reloaded " + version, 8 + version % 2 * 8));
            long until = System.nanoTime() + 150_000_000L;
            while (System.nanoTime() < until) {
                assertEquals(DecodeResult.Status.DECODED, registry.decode("41A0000003E8ABCD000000000000").status(),
                        "every line decodes while the file is reloaded");
            }
        }
    }

    @Test
    void aBadFileIsLoggedAndTheOthersWork() throws Exception {
        CapturedLog log = new CapturedLog("blitz.boards.files").attach();
        try {
            write(folder.resolve("good.json"), board(0x42, "Good", 8));
            write(folder.resolve("broken.json"), "{\"id\": 67, \"name\": \"Broken\",\n \"fields\": [ }");
            write(folder.resolve("twin.json"), board(0x42, "Twin of good", 8));
            Osgi.eventually("the good board", () -> registry.decoderFor(0x42).isPresent());
            Osgi.eventually("the broken file's error", () -> log.text().contains(folder.resolve("broken.json") + ":2:"));
            Osgi.eventually("the twin's error", () -> log.text().contains("board id 66 is already defined by"));
            assertTrue(registry.decoderFor(67).isEmpty());
            assertEquals("Good", registry.describe(0x42).description(), "the first file keeps its board id");

            Files.delete(folder.resolve("good.json"));
            Osgi.eventually("the twin takes over", () -> "Twin of good".equals(registry.describe(0x42).description()));

            write(folder.resolve("twin.json"), "{ not json");
            Thread.sleep(500);
            assertEquals("Twin of good", registry.describe(0x42).description(), "a broken edit keeps the last good version");
        } finally {
            log.detach();
        }
    }

    @Test
    void aBundleShipsItsBoards() {
        // the configuration made before each test restarts the loader, which reloads the bundle's boards:
        // wait for one decode and one origin from the restarted loader
        DecodeResult[] decoded = new DecodeResult[1];
        String[] origin = new String[1];
        Osgi.eventually("the test bundle's board 0x7E", () -> (decoded[0] = registry.decode("7EA0000003E8FF380700000000000000"))
                .status() == DecodeResult.Status.DECODED && !(origin[0] = registry.origin(0x7E)).isEmpty());
        assertTrue(origin[0].startsWith("file blitz.boards.files.tests!/test-boards/"), origin[0]);
        List<DecodedValue> values = decoded[0].values();
        assertEquals(-2.0, values.get(0).value(), 1e-12);
        assertEquals("°C", values.get(0).unit());
    }

    @Test
    void aHundredFilesLoadWhenTheFolderIsConfigured() throws Exception {
        Path hundred = TestFolders.newFolder("hundred-boards");
        for (int i = 0; i < 100; i++) {
            Files.writeString(hundred.resolve("board-" + i + ".json"), board(0x80 + i, "Board " + i, 8 + i % 50));
        }
        long start = System.nanoTime();
        osgi.configure(PID, Map.of("folder", hundred.toString()));
        Osgi.eventually("100 boards", () -> java.util.stream.IntStream.range(0x80, 0x80 + 100).allMatch(id -> registry.decoderFor(id).isPresent()));
        System.out.println("BENCH board files: 100 files loaded and registered " + (System.nanoTime() - start) / 1_000_000 + " ms after the configuration");
    }
}
