// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.logger.GapRecord;
import blitz.model.source.LossEvent;

/**
 * The gap ledger: losses reported during a session are appended to a sidecar file
 * {@code session-<id>.gaps} in the ledger folder (flushed per entry, so a crash keeps what was
 * reported), losses outside sessions are kept in a bounded ring in memory. The file's first line
 * records the session's start time, so a file left by a store whose ids were reset (flush) is not
 * mistaken for the new session of the same id. Thread-safe.
 *
 * <p>While a session runs, a marker {@code session-<id>.running} sits next to its file; its
 * modification time is renewed by {@link #heartbeat()} (the runtime calls it every second) and it is
 * deleted when the session ends. A marker found by {@link #recoverStoppedSessions()} therefore means
 * the runtime stopped without ending that session (kill, crash, power loss): the session's file gets a
 * {@link LossEvent.Kind#RUNTIME_STOPPED} entry spanning the last heartbeat to the restart.
 *
 * <p>File format, UTF-8, one entry per line, tab-separated:
 * {@code timeMs sourceId boardId KIND count detail}, with tab, newline and backslash in the text
 * fields escaped as {@code \t}, {@code \n}, {@code \\}.
 */
final class GapLedger {
    private static final Logger LOG = LoggerFactory.getLogger(GapLedger.class);
    private static final String HEADER = "# blitz gap ledger, session start ";

    private final Path folder;
    private final int outsideCapacity;
    private final Deque<GapRecord> outside = new ArrayDeque<>();
    private final List<GapRecord> current = new ArrayList<>();
    private long currentSession;
    private BufferedWriter writer;

    GapLedger(Path folder, int outsideCapacity) {
        this.folder = folder;
        this.outsideCapacity = Math.max(1, outsideCapacity);
    }

    /** Starts the ledger of a new session, replacing any stale file of the same id. */
    synchronized void open(long sessionId, long startMs) {
        close();
        currentSession = sessionId;
        current.clear();
        try {
            Files.createDirectories(folder);
            writer = Files.newBufferedWriter(file(sessionId), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            writer.write(HEADER + startMs + "\n");
            writer.flush();
        } catch (IOException e) {
            writer = null;
            LOG.error("Cannot write the gap ledger of session " + sessionId + " in " + folder
                    + ": its losses are kept in memory only", e);
            return;
        }
        try {
            Files.writeString(marker(sessionId), Long.toString(startMs), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.error("Cannot mark session " + sessionId + " as running in " + folder
                    + ": if the runtime stops during it, the ledger will not say so", e);
        }
    }

    /** Ends the current session's ledger. */
    synchronized void close() {
        if (currentSession != 0) {
            deleteQuietly(marker(currentSession));
        }
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.error("Cannot close the gap ledger of session " + currentSession, e);
            }
            writer = null;
        }
        currentSession = 0;
        current.clear();
    }

    /** Renews the running session's marker: the runtime was alive now. */
    synchronized void heartbeat() {
        if (currentSession == 0 || writer == null) {
            return;
        }
        try {
            Files.setLastModifiedTime(marker(currentSession), FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debug("Cannot renew the running marker of session {}: {}", currentSession, e.getMessage());
        }
    }

    /**
     * Writes a {@link LossEvent.Kind#RUNTIME_STOPPED} entry into the file of every session whose
     * running marker an earlier run left behind, and removes the markers. Call before the first
     * {@link #open}.
     *
     * @return the entries written
     */
    synchronized List<GapRecord> recoverStoppedSessions() {
        List<GapRecord> recovered = new ArrayList<>();
        List<Path> markers;
        try (Stream<Path> files = Files.list(folder)) {
            markers = files.filter(f -> f.getFileName().toString().matches("session-\\d+\\.running")).sorted().toList();
        } catch (NoSuchFileException e) {
            return recovered;
        } catch (IOException e) {
            LOG.error("Cannot look for sessions the runtime left running in " + folder, e);
            return recovered;
        }
        long now = System.currentTimeMillis();
        for (Path marker : markers) {
            String name = marker.getFileName().toString();
            long sessionId = Long.parseLong(name.substring("session-".length(), name.length() - ".running".length()));
            try {
                long lastAlive = Files.getLastModifiedTime(marker).toMillis();
                String detail = String.format(Locale.ROOT,
                        "the runtime stopped while the session was running (killed, crashed or power lost): last alive %s,"
                                + " started again %s, %.1f s in which nothing was read",
                        Instant.ofEpochMilli(lastAlive), Instant.ofEpochMilli(now), (now - lastAlive) / 1000.0);
                GapRecord record = new GapRecord(sessionId, "runtime",
                        new LossEvent(LossEvent.Kind.RUNTIME_STOPPED, -1, 1, lastAlive, detail));
                Path file = file(sessionId);
                if (!Files.exists(file)) {
                    Files.writeString(file, HEADER + Files.readString(marker, StandardCharsets.UTF_8).trim() + "\n",
                            StandardCharsets.UTF_8);
                }
                Files.writeString(file, format(record), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                Files.delete(marker);
                recovered.add(record);
            } catch (IOException | RuntimeException e) {
                LOG.error("Cannot record that session " + sessionId + " was left running", e);
            }
        }
        return recovered;
    }

    /** Records a loss against the current session, or outside sessions when none is open. */
    synchronized GapRecord record(String sourceId, LossEvent event) {
        GapRecord record = new GapRecord(currentSession, sourceId, event);
        if (currentSession == 0) {
            outside.addLast(record);
            if (outside.size() > outsideCapacity) {
                outside.removeFirst();
            }
            return record;
        }
        current.add(record);
        if (writer != null) {
            try {
                writer.write(format(record));
                writer.flush();
            } catch (IOException e) {
                LOG.error("Cannot append to the gap ledger of session " + currentSession, e);
            }
        }
        return record;
    }

    /**
     * @param sessionId    the session
     * @param sessionStart the session's start time according to the store, or -1 if the store does not know it
     * @return its entries, oldest first
     */
    synchronized List<GapRecord> read(long sessionId, long sessionStart) {
        if (sessionId == currentSession && sessionId != 0) {
            return List.copyOf(current);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file(sessionId), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.error("Cannot read the gap ledger of session " + sessionId, e);
            return List.of();
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER + sessionStart)) {
            return List.of();
        }
        List<GapRecord> records = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            GapRecord record = parse(sessionId, line);
            if (record != null) {
                records.add(record);
            }
        }
        return records;
    }

    synchronized List<GapRecord> outside() {
        return List.copyOf(outside);
    }

    synchronized void delete(long sessionId) {
        try {
            Files.deleteIfExists(file(sessionId));
        } catch (IOException e) {
            LOG.error("Cannot delete the gap ledger of session " + sessionId, e);
        }
    }

    private Path file(long sessionId) {
        return folder.resolve("session-" + sessionId + ".gaps");
    }

    private Path marker(long sessionId) {
        return folder.resolve("session-" + sessionId + ".running");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.error("Cannot delete " + file + ": the next start will report the session as stopped", e);
        }
    }

    private static String format(GapRecord record) {
        LossEvent e = record.event();
        return e.timeMs() + "\t" + escape(record.sourceId()) + "\t" + e.boardId() + "\t" + e.kind() + "\t" + e.count()
                + "\t" + escape(e.detail()) + "\n";
    }

    private static GapRecord parse(long sessionId, String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            LOG.warn("Skipping a damaged gap ledger line of session {}", sessionId);
            return null;
        }
        try {
            LossEvent event = new LossEvent(LossEvent.Kind.valueOf(f[3]), Integer.parseInt(f[2]), Long.parseLong(f[4]),
                    Long.parseLong(f[0]), unescape(f[5]));
            return new GapRecord(sessionId, unescape(f[1]), event);
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping a damaged gap ledger line of session {}: {}", sessionId, e.getMessage());
            return null;
        }
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
