// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load through the runtime product, short version: eight simulated numbered boards ({@code --simulate},
 * each on its own socat pty pair read by its own serial source, 10 messages/s, polled every 200 ms)
 * logged for 20 s into the embedded store. Every board's stored sequence has no hole and no duplicate,
 * and the runtime's heap after a GC stays under 64 MB. The long version, at the full rate of a
 * 57600-baud line with the heap and queues sampled, is {@code releng/benchmarks/run-load.sh}.
 */
class LoadProductTest {
    private static final List<Integer> BOARDS = List.of(0x08, 0x09, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15);
    private static final long SECONDS = 20;
    private static final long HEAP_LIMIT_MB = 64;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void eightSimulatedBoardsLoseNothing(@TempDir Path data, @TempDir Path tmp) throws Exception {
        String ids = BOARDS.stream().map(String::valueOf).collect(Collectors.joining(","));
        int port = FreePort.pick();
        try (ProductProcess runtime = ProductProcess.start(FaultRuntime.HOME.resolve("bin/blitz-runtime"),
                List.of("--console", "--simulate", ids, "--data", data.toString(), "--port", Integer.toString(port)),
                Map.of("BLITZ_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp)); LoggerClient client = new LoggerClient(runtime, port)) {
            assertTrue(runtime.awaitOutput(out -> out.contains("Welcome to Apache Felix Gogo"), Duration.ofSeconds(60)),
                    () -> "no shell; output:\n" + runtime.output());
            FaultRuntime.awaitProtocol(runtime, port);
            long requested = System.nanoTime();
            assertEquals("ACK", client.request("START"));
            long startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - requested);
            Thread.sleep(SECONDS * 1000);
            long heapMb = ProductProcess.heapAfterGcKb(runtime.handle().pid()) >> 10;
            requested = System.nanoTime();
            assertEquals("ACK", client.request("STOP"));
            long stopMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - requested);

            List<String> lines = client.download(1);
            Map<Integer, List<String>> byBoard = lines.stream()
                    .collect(Collectors.groupingBy(line -> Integer.parseInt(line.substring(0, 2), 16)));
            assertEquals(BOARDS, byBoard.keySet().stream().sorted().toList(), "every board stored messages");
            for (int board : BOARDS) {
                SequenceTally tally = SequenceTally.of(byBoard.get(board), board);
                System.out.printf(Locale.ROOT, "load board %02x: sent=%d stored=%d lost=%d duplicated=%d%n", board,
                        tally.sent(), tally.stored(), tally.lost(), tally.duplicated());
                assertEquals(0, tally.duplicated(), () -> "duplicates of board " + board);
                assertEquals(0, tally.lost(), () -> "hole in board " + board + "'s sequence at " + tally.firstMissing());
                assertTrue(tally.sent() >= SECONDS * 10 / 2, () -> "board " + board + " sent only " + tally.sent());
            }
            System.out.printf(Locale.ROOT, "load: %d messages of %d boards in %d s, runtime heap after GC %d MB,"
                    + " START answered in %d ms, STOP in %d ms%n", lines.size(), BOARDS.size(), SECONDS, heapMb, startMs, stopMs);
            assertTrue(heapMb <= HEAP_LIMIT_MB, "runtime heap after GC " + heapMb + " MB");
        }
    }
}
