// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.perf;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import blitz.client.store.internal.DerbyDatabase;
import blitz.client.store.internal.JpaClientStore;
import blitz.model.client.ReadingBatch;

/**
 * The download's store path as the pipelined client drives it: {@code DownloadStore.addDownloadChunk}
 * with large batches (raw lines and their readings, one transaction each) of board-8 messages (five
 * readings each), against raw JDBC inserts of the same rows into the same schema in the same run
 * (with and without the plot index). Prints readings/s overall and of the first and last tenth of the
 * chunks (flat as the session grows?). Run by run-perf.sh --download; see docs/performance.md.
 *
 * <p>Arguments: a work folder, messages per chunk, then session sizes in messages.
 */
public final class DownloadStorePerf {
    /** Board 8's variables: five readings a message. */
    private static final int READINGS_PER_MESSAGE = 5;
    /** The shape of a board-8 line (board id, sequence, five 16-bit values in hex). */
    private static final String LINE = "0800%08x%04x%04x%04x%04x%04x";

    private DownloadStorePerf() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int chunk = Integer.parseInt(args[1]);
        System.out.printf(Locale.ROOT, "java %s, %d cores, chunks of %d messages (%d readings)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), chunk,
                chunk * READINGS_PER_MESSAGE);
        for (int i = 2; i < args.length; i++) {
            long messages = Long.parseLong(args[i]);
            Rates store = store(work.resolve("store-" + messages), messages, chunk);
            Rates raw = raw(work.resolve("raw-" + messages), messages, chunk, true);
            Rates rawNoIndex = raw(work.resolve("raw-noindex-" + messages), messages, chunk, false);
            System.out.printf(Locale.ROOT, "%d messages (%d readings): store %.0f readings/s (first tenth %.0f, last tenth"
                    + " %.0f); raw JDBC %.0f/s (first %.0f, last %.0f); raw JDBC without plot index %.0f/s; store/raw %.0f %%,"
                    + " store/raw without index %.0f %%%n", messages, messages * READINGS_PER_MESSAGE, store.overall,
                    store.first, store.last, raw.overall, raw.first, raw.last, rawNoIndex.overall,
                    100 * store.overall / raw.overall, 100 * store.overall / rawNoIndex.overall);
            System.out.printf(Locale.ROOT, "RESULT clientstore.download.%dk %.0f readings/s baseline=%.0f%n",
                    messages / 1000, store.overall, raw.overall);
            System.out.printf(Locale.ROOT, "RESULT clientstore.download.%dk.noindex %.0f readings/s baseline=%.0f%n",
                    messages / 1000, store.overall, rawNoIndex.overall);
        }
    }

    /** Readings/s overall and over the first and last tenth of the chunks. */
    private record Rates(double overall, double first, double last) {
    }

    @FunctionalInterface
    private interface ChunkSink {
        void store(long firstIndex, List<String> lines, ReadingBatch readings) throws SQLException;
    }

    private static Rates run(long messages, int chunk, ChunkSink sink) throws SQLException {
        ReadingBatch batch = new ReadingBatch(chunk * READINGS_PER_MESSAGE);
        List<String> lines = new ArrayList<>(chunk);
        long chunks = (messages + chunk - 1) / chunk;
        long tenth = Math.max(1, chunks / 10);
        long begin = System.nanoTime();
        long firstEnd = 0;
        long lastBegin = 0;
        for (long c = 0; c < chunks; c++) {
            if (c == chunks - tenth) {
                lastBegin = System.nanoTime();
            }
            batch.clear();
            lines.clear();
            long first = c * chunk;
            for (long m = first; m < Math.min(messages, first + chunk); m++) {
                int v = (int) (m & 0xffff);
                lines.add(String.format(Locale.ROOT, LINE, m, v, v ^ 1, v ^ 2, v ^ 3, v ^ 4));
                for (int r = 0; r < READINGS_PER_MESSAGE; r++) {
                    batch.add(m * 10, 1 + r, Math.sin(m * 1e-4) + r);
                }
            }
            sink.store(first, lines, batch);
            if (c == tenth - 1) {
                firstEnd = System.nanoTime();
            }
        }
        long end = System.nanoTime();
        double perChunk = (double) chunk * READINGS_PER_MESSAGE * tenth;
        return new Rates(messages * READINGS_PER_MESSAGE / ((end - begin) / 1e9), perChunk / ((firstEnd - begin) / 1e9),
                perChunk / ((end - lastBegin) / 1e9));
    }

    private static Rates store(Path folder, long messages, int chunk) throws SQLException {
        JpaClientStore store = new JpaClientStore(DerbyDatabase.of(folder.toString()));
        try {
            return run(messages, chunk, (first, lines, readings) -> store.addDownloadChunk(1, first, lines, readings));
        } finally {
            store.close();
        }
    }

    private static Rates raw(Path folder, long messages, int chunk, boolean withIndex) throws SQLException {
        DerbyDatabase database = DerbyDatabase.of(folder.toString());
        try (Connection connection = database.connect(); RawReadingInsert reading = new RawReadingInsert(connection, withIndex);
                PreparedStatement rawLine = connection.prepareStatement(
                        "INSERT INTO raw_message (sessionId, idx, line) VALUES (?, ?, ?)")) {
            return run(messages, chunk, (first, lines, readings) -> {
                for (int i = 0; i < lines.size(); i++) {
                    rawLine.setLong(1, 1);
                    rawLine.setLong(2, first + i);
                    rawLine.setString(3, lines.get(i));
                    rawLine.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        rawLine.executeBatch();
                    }
                }
                rawLine.executeBatch();
                reading.insert(readings);
                connection.commit();
            });
        } finally {
            database.shutdown();
        }
    }
}
