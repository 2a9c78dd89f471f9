// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import blitz.model.Category;
import blitz.model.Reading;
import blitz.model.Session;
import blitz.model.client.CategoryCatalog;
import blitz.model.client.SeriesQueries;
import blitz.model.client.SessionCatalog;
import blitz.model.sync.DownloadReport;
import blitz.model.sync.DownloadReport.State;
import blitz.model.sync.Progress;

/**
 * Writes a stored session as CSV in the original's columns, one row per reading in (time, id) order.
 * A session not yet downloaded is downloaded first when a download is offered. The file appears whole
 * under its name or not at all (written beside it, then moved).
 *
 * <p>Rows are written straight into one buffered writer; the wall-clock column is formatted once per
 * second of the session (milliseconds appended), since the formatter costs more than the rest of a row.
 */
final class CsvSessionExport {
    /** Header of the exported CSV: the original's columns (without its stray space before "Variable"). */
    static final String CSV_HEADER = "Time Logged,Elapsed Seconds,Variable Name,Value";
    private static final DateTimeFormatter CSV_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.")
            .withZone(ZoneId.systemDefault());
    private static final int READ_CHUNK = 10_000;
    private static final int WRITE_BUFFER = 1 << 16;

    private final SessionCatalog sessions;
    private final CategoryCatalog categories;
    private final SeriesQueries series;

    CsvSessionExport(SessionCatalog sessions, CategoryCatalog categories, SeriesQueries series) {
        this.sessions = sessions;
        this.categories = categories;
        this.series = series;
    }

    /**
     * @param download downloads a session not yet available (null when no runtime is connected)
     * @return the number of rows written
     */
    long export(long sessionId, Path file, Progress progress, BiFunction<Long, Progress, DownloadReport> download)
            throws IOException {
        Session session = sessions.getSession(sessionId)
                .orElseThrow(() -> new IOException("session " + sessionId + " is not in the session list"));
        if (!session.available() && download != null) {
            DownloadReport downloaded = download.apply(sessionId, progress);
            if (downloaded.state() == State.FAILED || downloaded.state() == State.CANCELLED) {
                throw new IOException("session " + sessionId + " could not be downloaded: " + downloaded.detail());
            }
        }
        Map<Long, String> names = new HashMap<>();
        for (Category category : categories.categories()) {
            names.put(category.id(), category.variableName());
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long rows;
        try (BufferedWriter out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8),
                WRITE_BUFFER)) {
            out.write(CSV_HEADER);
            out.write('\n');
            RowWriter writer = new RowWriter(out, session.timeStarted(), names);
            rows = series.forEachSessionReading(sessionId, READ_CHUNK, writer::write);
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(partial);
            throw e.getCause();
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return rows;
    }

    /** Formats rows into the writer; remembers the last second's wall-clock text. */
    private static final class RowWriter {
        private final BufferedWriter out;
        private final long sessionStart;
        private final Map<Long, String> names;
        private final StringBuilder row = new StringBuilder(96);
        private long second = Long.MIN_VALUE;
        private String secondText = "";

        RowWriter(BufferedWriter out, long sessionStart, Map<Long, String> names) {
            this.out = out;
            this.sessionStart = sessionStart;
            this.names = names;
        }

        void write(List<Reading> chunk) {
            try {
                for (Reading reading : chunk) {
                    row.setLength(0);
                    appendWallClock(sessionStart + reading.timeLogged());
                    row.append(',').append(reading.timeLogged() / 1000.0).append(',');
                    String name = names.get(reading.categoryId());
                    if (name == null) {
                        row.append("category_").append(reading.categoryId());
                    } else {
                        row.append(name);
                    }
                    row.append(',').append(reading.value()).append('\n');
                    out.append(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** {@code yyyy-MM-dd HH:mm:ss.SSS} in the system zone, as the original wrote it. */
        private void appendWallClock(long epochMs) {
            long epochSecond = Math.floorDiv(epochMs, 1000);
            if (epochSecond != second) {
                second = epochSecond;
                secondText = CSV_SECOND.format(Instant.ofEpochSecond(epochSecond));
            }
            int millis = (int) Math.floorMod(epochMs, 1000);
            row.append(secondText).append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                    .append((char) ('0' + millis % 10));
        }
    }
}
