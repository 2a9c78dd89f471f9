package blitz.logger.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import blitz.logger.GapRecord;
import blitz.model.source.LossEvent;

/**
 * The gap ledger: losses reported during a session are appended to a sidecar file
 * {@code session-<id>.gaps} in the ledger folder (flushed per entry, so a crash keeps what was
 * reported), losses outside sessions are kept in a bounded ring in memory. The file's first line
 * records the session's start time, so a file left by a store whose ids were reset (flush) is not
 * mistaken for the new session of the same id. Thread-safe.
 *
 * <p>File format, UTF-8, one entry per line, tab-separated:
 * {@code timeMs sourceId boardId KIND count detail}, with tab, newline and backslash in the text
 * fields escaped as {@code \t}, {@code \n}, {@code \\}.
 */
final class GapLedger {
    private static final System.Logger LOG = System.getLogger(GapLedger.class.getName());
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
            LOG.log(Level.ERROR, "Cannot write the gap ledger of session " + sessionId + " in " + folder
                    + ": its losses are kept in memory only", e);
        }
    }

    /** Ends the current session's ledger. */
    synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.log(Level.ERROR, "Cannot close the gap ledger of session " + currentSession, e);
            }
            writer = null;
        }
        currentSession = 0;
        current.clear();
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
                LOG.log(Level.ERROR, "Cannot append to the gap ledger of session " + currentSession, e);
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
            LOG.log(Level.ERROR, "Cannot read the gap ledger of session " + sessionId, e);
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
            LOG.log(Level.ERROR, "Cannot delete the gap ledger of session " + sessionId, e);
        }
    }

    private Path file(long sessionId) {
        return folder.resolve("session-" + sessionId + ".gaps");
    }

    private static String format(GapRecord record) {
        LossEvent e = record.event();
        return e.timeMs() + "\t" + escape(record.sourceId()) + "\t" + e.boardId() + "\t" + e.kind() + "\t" + e.count()
                + "\t" + escape(e.detail()) + "\n";
    }

    private static GapRecord parse(long sessionId, String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            LOG.log(Level.WARNING, "Skipping a damaged gap ledger line of session {0}", sessionId);
            return null;
        }
        try {
            LossEvent event = new LossEvent(LossEvent.Kind.valueOf(f[3]), Integer.parseInt(f[2]), Long.parseLong(f[4]),
                    Long.parseLong(f[0]), unescape(f[5]));
            return new GapRecord(sessionId, unescape(f[1]), event);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Skipping a damaged gap ledger line of session {0}: {1}", sessionId, e.getMessage());
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
