// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.perf;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongConsumer;

import blitz.client.store.internal.DerbyDatabase;
import blitz.client.store.internal.JpaClientStore;
import blitz.model.client.Bucket;
import blitz.model.client.ReadingBatch;
import blitz.model.client.TimeSpan;

/**
 * Readings/s through the store's bulk path against a raw JDBC batch insert into the same schema,
 * in the same run on fresh databases (medians of 3), then the bucket query on a large session.
 * Run by run-perf.sh; see docs/performance.md, "Client store".
 */
public final class ClientStorePerf {
    private static final int CHUNK = 10_000;
    private static final int VARIABLES = 4;
    private static final int RUNS = 3;

    private ClientStorePerf() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long readings = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000;
        long bucketReadings = args.length > 2 ? Long.parseLong(args[2]) : 10_000_000;
        int tileSize = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        System.out.printf(Locale.ROOT, "java %s, %d cores, %d readings per run, chunks of %d%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), readings, CHUNK);

        if (readings > 0) {
            insertRates(work, readings, tileSize);
        }
        bucketQuery(work.resolve("buckets"), bucketReadings, tileSize);
    }

    private static void insertRates(Path work, long readings, int tileSize) throws SQLException {
        double[] store = new double[RUNS];
        double[] raw = new double[RUNS];
        double[] rawNoIndex = new double[RUNS];
        double[] indexBuild = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            store[run] = storeRate(work.resolve("store-" + run), readings, tileSize);
            raw[run] = rawRate(work.resolve("raw-" + run), readings, true, null);
            double[] build = new double[1];
            rawNoIndex[run] = rawRate(work.resolve("raw-noindex-" + run), readings, false, build);
            indexBuild[run] = build[0];
            System.out.printf(Locale.ROOT,
                    "run %d: store %.0f/s, raw JDBC %.0f/s, raw JDBC without plot index %.0f/s (index built after in %.2f s)%n",
                    run + 1, store[run], raw[run], rawNoIndex[run], indexBuild[run]);
        }
        System.out.printf(Locale.ROOT,
                "MEDIAN store %.0f readings/s, raw JDBC %.0f readings/s, ratio %.1f %%; "
                        + "raw without plot index %.0f/s, index build after %.2f s%n",
                median(store), median(raw), 100 * median(store) / median(raw), median(rawNoIndex),
                median(indexBuild));
    }

    private static void generate(long total, LongConsumer chunkStart, ReadingBatch batch, Runnable flush) {
        for (long start = 0; start < total; start += CHUNK) {
            chunkStart.accept(start);
            batch.clear();
            for (long i = start; i < Math.min(total, start + CHUNK); i++) {
                batch.add(i / VARIABLES * 10, 1 + i % VARIABLES, Math.sin(i * 1e-4) + (i % 7) * 1e-3);
            }
            flush.run();
        }
    }

    /** Stores {@code total} generated readings as session 1. @return how many seconds it took */
    private static double fill(JpaClientStore store, long total) {
        ReadingBatch batch = new ReadingBatch(CHUNK);
        long begin = System.nanoTime();
        generate(total, start -> { }, batch, () -> store.addReadings(1, batch));
        return seconds(begin);
    }

    private static double storeRate(Path folder, long total, int tileSize) {
        JpaClientStore store = new JpaClientStore(DerbyDatabase.of(folder.toString()), tileSize);
        try {
            return total / fill(store, total);
        } finally {
            store.close();
        }
    }

    private static double rawRate(Path folder, long total, boolean withIndex, double[] indexSeconds)
            throws SQLException {
        DerbyDatabase database = DerbyDatabase.of(folder.toString());
        try (Connection connection = database.connect(); RawReadingInsert insert = new RawReadingInsert(connection, withIndex)) {
            ReadingBatch batch = new ReadingBatch(CHUNK);
            long begin = System.nanoTime();
            generate(total, start -> { }, batch, () -> {
                try {
                    insert.insert(batch);
                    connection.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            double rate = total / seconds(begin);
            if (!withIndex) {
                long buildBegin = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE INDEX reading_series ON reading "
                            + "(sessionId, categoryId, timeLogged, id, value)");
                }
                connection.commit();
                indexSeconds[0] = seconds(buildBegin);
            }
            return rate;
        } finally {
            database.shutdown();
        }
    }

    private static void bucketQuery(Path folder, long total, int tileSize) {
        JpaClientStore store = new JpaClientStore(DerbyDatabase.of(folder.toString()), tileSize);
        try {
            double buildSeconds = fill(store, total);
            System.out.printf(Locale.ROOT, "built a %d-reading session (%d variables) in %.1f s%n", total, VARIABLES,
                    buildSeconds);
            TimeSpan range = store.sessionTimeRange(1).orElseThrow();
            long end = range.last() + 1;
            report(store, "whole session, 1000 buckets", range.first(), end, 1000);
            report(store, "a tenth of the session, 1000 buckets", range.first(), range.first() + (end - range.first()) / 10, 1000);
            report(store, "a hundredth of the session, 1000 buckets", range.first(), range.first() + (end - range.first()) / 100,
                    1000);
            report(store, "the middle tenth of the session, 1000 buckets", range.first() + (end - range.first()) * 9 / 20,
                    range.first() + (end - range.first()) * 11 / 20, 1000);
            time("session time range", () -> store.sessionTimeRange(1));
            time("session variables", () -> store.getSessionVariables(1));
            // a single insert makes the variable's tiles stale: the next query rebuilds them
            store.addReading(1, range.last() / 2, 1, 0.5);
            long rebuild = System.nanoTime();
            store.buckets(1, 1, range.first(), end, 1000);
            System.out.printf(Locale.ROOT, "bucket query after a single insert (rebuilds the variable's tiles): %.0f ms%n",
                    seconds(rebuild) * 1000);
            report(store, "whole session after the rebuild, 1000 buckets", range.first(), end, 1000);
        } finally {
            store.close();
        }
    }

    private static void report(JpaClientStore store, String what, long from, long to, int width) {
        long[] count = new long[1];
        time("bucket query, " + what, () -> count[0] = store.buckets(1, 1, from, to, width).stream()
                .mapToLong(Bucket::count).sum());
        System.out.printf(Locale.ROOT, "  (%d readings of the variable)%n", count[0]);
    }

    /** Runs {@code query} 7 times and prints the median and every run. */
    private static void time(String what, Runnable query) {
        double[] ms = new double[7];
        for (int i = 0; i < ms.length; i++) {
            long begin = System.nanoTime();
            query.run();
            ms[i] = seconds(begin) * 1000;
        }
        System.out.printf(Locale.ROOT, "%s: median %.1f ms (runs %s)%n", what, median(ms),
                Arrays.toString(Arrays.stream(ms).map(m -> Math.round(m * 10) / 10.0).toArray()));
    }

    private static double seconds(long beginNanos) {
        return (System.nanoTime() - beginNanos) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
