// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import blitz.client.store.internal.DerbyDatabase;
import blitz.client.store.internal.JpaClientStore;
import blitz.model.SessionSummary;
import blitz.model.client.ReadingBatch;
import blitz.model.sync.Progress;

/**
 * The client's long operations on a stored session of board-8 messages (five readings each), each
 * against a raw baseline of the same run: the CSV export ({@link CsvSessionExport}) against a plain JDBC
 * cursor over the same readings writing the same number of bytes unformatted, and the store side of a
 * re-decode (clear the readings, read the raw lines back in chunks, store their readings again) against
 * the bulk path alone. Run by run-perf.sh --long; see docs/performance.md.
 *
 * <p>Arguments: a work folder, the session's size in messages.
 */
public final class LongOperationsPerf {
    private static final int READINGS_PER_MESSAGE = 5;
    private static final int CHUNK = 10_000;
    private static final long SESSION = 1;
    private static final long STARTED = 1_700_000_000_000L;

    private LongOperationsPerf() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long messages = Long.parseLong(args[1]);
        long readings = messages * READINGS_PER_MESSAGE;
        Files.createDirectories(work);
        DerbyDatabase database = DerbyDatabase.of(work.resolve("db").toString());
        JpaClientStore store = new JpaClientStore(database);
        try {
            double fill = fill(store, messages);
            System.out.printf(Locale.ROOT, "stored %d messages (%d readings) through addDownloadChunk: %.0f readings/s%n",
                    messages, readings, readings / fill);
            Path csv = work.resolve("session.csv");
            CsvSessionExport export = new CsvSessionExport(store, store, store);
            double exportSeconds = seconds(() -> export.export(SESSION, csv, Progress.NONE, null));
            long bytes = Files.size(csv);
            double rawSeconds = seconds(() -> rawExport(database, work.resolve("raw.csv"), bytes / readings));
            System.out.printf(Locale.ROOT, "CSV export: %.0f rows/s (%d MB); raw JDBC cursor + unformatted write %.0f rows/s%n",
                    readings / exportSeconds, bytes >> 20, readings / rawSeconds);
            System.out.printf(Locale.ROOT, "RESULT client.csvexport %.0f rows/s baseline=%.0f%n", readings / exportSeconds,
                    readings / rawSeconds);

            double redecode = seconds(() -> redecodeStorePath(store));
            System.out.printf(Locale.ROOT, "re-decode, store side (clear, read raw lines, store readings): %.0f readings/s;"
                    + " bulk path alone (at fill) %.0f readings/s%n", readings / redecode, readings / fill);
            System.out.printf(Locale.ROOT, "RESULT client.redecode.store %.0f readings/s baseline=%.0f%n",
                    readings / redecode, readings / fill);
        } finally {
            store.close();
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static double seconds(Work work) throws Exception {
        long begin = System.nanoTime();
        work.run();
        return (System.nanoTime() - begin) / 1e9;
    }

    private static double fill(JpaClientStore store, long messages) throws Exception {
        store.updateSessionList(List.of(new SessionSummary(SESSION, STARTED, OptionalLong.of(STARTED + messages * 10),
                messages)));
        long[] categories = new long[READINGS_PER_MESSAGE];
        for (int v = 0; v < READINGS_PER_MESSAGE; v++) {
            categories[v] = store.getOrCreateCategory("board8_value" + v);
        }
        return seconds(() -> {
            ReadingBatch batch = new ReadingBatch(CHUNK * READINGS_PER_MESSAGE);
            List<String> lines = new ArrayList<>(CHUNK);
            for (long first = 0; first < messages; first += CHUNK) {
                batch.clear();
                lines.clear();
                for (long m = first; m < Math.min(messages, first + CHUNK); m++) {
                    lines.add(line(m));
                    decode(lines.get(lines.size() - 1), m * 10, categories, batch);
                }
                store.addDownloadChunk(SESSION, first, lines, batch);
            }
            store.updateSessionAvailability(SESSION);
        });
    }

    private static String line(long message) {
        int v = (int) (message & 0xffff);
        return String.format(Locale.ROOT, "0800%08x%04x%04x%04x%04x%04x", message, v, v ^ 1, v ^ 2, v ^ 3, v ^ 4);
    }

    /** A stand-in for board 8's decoder: five 16-bit hex fields. */
    private static void decode(String line, long time, long[] categories, ReadingBatch batch) {
        for (int v = 0; v < READINGS_PER_MESSAGE; v++) {
            int at = 12 + 4 * v;
            batch.add(time, categories[v], Integer.parseInt(line, at, at + 4, 16) / 16.0);
        }
    }

    private static void redecodeStorePath(JpaClientStore store) {
        long[] categories = new long[READINGS_PER_MESSAGE];
        for (int v = 0; v < READINGS_PER_MESSAGE; v++) {
            categories[v] = store.getOrCreateCategory("board8_value" + v);
        }
        store.clearSessionReadings(SESSION);
        long[] next = { 0 };
        ReadingBatch batch = new ReadingBatch(CHUNK * READINGS_PER_MESSAGE);
        store.readRawMessages(SESSION, 0, CHUNK, chunk -> {
            batch.clear();
            for (String line : chunk) {
                decode(line, next[0]++ * 10, categories, batch);
            }
            store.addReadings(SESSION, batch);
        });
        store.updateSessionAvailability(SESSION);
    }

    /** A plain cursor over the session's readings, writing as many bytes per row as the export, unformatted. */
    private static void rawExport(DerbyDatabase database, Path file, long bytesPerRow) throws IOException, SQLException {
        char[] row = new char[(int) bytesPerRow];
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT timeLogged, categoryId, value FROM reading WHERE sessionId = ?");
                BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            query.setLong(1, SESSION);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long time = rs.getLong(1);
                    long category = rs.getLong(2);
                    double value = rs.getDouble(3);
                    row[0] = (char) ('0' + (time + category + (long) value) % 10);
                    out.write(row);
                }
            }
        }
    }
}
