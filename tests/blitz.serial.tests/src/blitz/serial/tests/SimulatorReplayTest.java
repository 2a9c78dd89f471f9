// SPDX-License-Identifier: EPL-2.0
package blitz.serial.tests;

import static blitz.testing.CollectingSink.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import blitz.model.source.MessageSource;
import blitz.simulator.BoardSimulator;
import blitz.simulator.SimulatedPort;
import blitz.simulator.SimulatorOptions;
import blitz.testing.CollectingSink;
import blitz.testing.Osgi;

/** A simulated board replaying a file of raw lines for a board id Blitz has no decoder for. */
class SimulatorReplayTest {
    private static final List<String> FILE_LINES = List.of("# board 0x42, two lines", "42A000000000FFF0123456789ABC", "",
            "42A80000000000000000000000010203");

    private static Path work() throws Exception {
        Path work = Path.of(System.getProperty("blitz.test.workdir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(work);
        return Files.createTempDirectory(work, "replay-");
    }

    @Test
    void aConfiguredReplayFileIsSentInTurnWithTheBoardsClockAsTimestamps() throws Exception {
        Path folder = work();
        Path file = Files.write(folder.resolve("board42.txt"), FILE_LINES);
        Osgi osgi = new Osgi();
        osgi.configure("blitz.simulator", Map.of("boardId", 0x42, "messagesPerSecond", 50.0, "replayFile", file.toString(),
                "linkDirectory", folder.resolve("links").toString()));
        try {
            SimulatedPort simulated = Osgi.await(SimulatedPort.class, (String) null, Duration.ofSeconds(10));
            try (ConfiguredPort port = new ConfiguredPort(simulated.hostPort().toString(), Map.of("pollPeriodMs", 100))) {
                MessageSource source = port.source;
                CollectingSink sink = new CollectingSink();
                source.start(sink);
                await("replayed lines of board 0x42", 10_000, () -> sink.lineCount() >= 6);
                assertEquals(java.util.Set.of(0x42), source.boardIds());
                List<String> lines = sink.lines().stream().map(line -> line.toUpperCase(Locale.ROOT)).toList();
                for (int i = 0; i < 6; i++) {
                    String expected = FILE_LINES.get(i % 2 == 0 ? 1 : 3);
                    String line = lines.get(i);
                    assertEquals(expected.substring(0, 4), line.substring(0, 4), line);
                    assertEquals(expected.substring(12), line.substring(12), "the payload as in the file: " + line);
                    assertEquals(i * 20L, Long.parseLong(line.substring(4, 12), 16), "timestamp of the board's clock: " + line);
                }
                source.stop();
            }
        } finally {
            osgi.undoAll();
        }
    }

    @Test
    void withoutALinkDirectoryTheLinksGoUnderTheRuntimesDataFolder() throws Exception {
        Path data = work();
        String before = System.getProperty("blitz.data");
        System.setProperty("blitz.data", data.toString());
        Osgi osgi = new Osgi();
        try {
            osgi.configure("blitz.simulator", Map.of("boardId", 0x43, "replayFile",
                    Files.write(data.resolve("board43.txt"), List.of("43A000000000FFF0123456789ABC")).toString()));
            // the previous test's board may still be leaving: wait for this configuration's board
            SimulatedPort simulated = Osgi.await(SimulatedPort.class, port -> port.hostPort().startsWith(data));
            assertEquals(data.resolve("simulator/board-67/host"), simulated.hostPort(), "this runtime's own links");
            assertTrue(Files.exists(simulated.hostPort()));
        } finally {
            osgi.undoAll();
            if (before == null) {
                System.clearProperty("blitz.data");
            } else {
                System.setProperty("blitz.data", before);
            }
        }
    }

    @Test
    void aBadLineIsRefusedWithItsFileAndLineNumber() throws Exception {
        Path file = Files.write(work().resolve("bad.txt"), List.of("42A000000000FFF0123456789ABC", "42A0 not hex"));
        var refused = assertThrows(IllegalArgumentException.class,
                () -> BoardSimulator.replay(file.resolveSibling("device"), SimulatorOptions.defaults(), file));
        assertTrue(refused.getMessage().startsWith(file + " line 2: "), refused.getMessage());
        Path empty = Files.write(file.resolveSibling("empty.txt"), List.of("# nothing"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoardSimulator.replayBoardId(empty)).getMessage()
                .endsWith("holds no board line"));
        assertEquals(0x42, BoardSimulator.replayBoardId(Files.write(file.resolveSibling("good.txt"), FILE_LINES)));
    }
}
