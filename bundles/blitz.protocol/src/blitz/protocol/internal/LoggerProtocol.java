package blitz.protocol.internal;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import blitz.logger.BoardInfo;
import blitz.logger.BoardStatistics;
import blitz.logger.GapRecord;
import blitz.logger.LoggingRuntime;
import blitz.logger.RuntimeStatistics;
import blitz.logger.SourceInfo;
import blitz.logger.StoreUnavailableException;
import blitz.model.Notification;
import blitz.model.SessionSummary;
import blitz.model.server.ServerStore;
import blitz.model.server.StoreHealth;
import blitz.model.source.CommandResult;
import blitz.model.source.LossEvent;
import blitz.protocol.RequestCounts;

/**
 * The logger protocol's state machine (IDLE, LOGGING, DOWNLOADING), answering one request at a time
 * with the original's replies, its defects fixed, plus the extensions; see
 * {@code docs/protocol-logger.md}. Not thread-safe: the server calls it from its one socket thread.
 * Never throws: every failure becomes an {@code ERROR} reply.
 */
final class LoggerProtocol {
    static final int CHUNK = 100;
    static final String VERSION = "VERSION 2 blitz CAPABILITIES VERSION DOWNLOAD-FROM DIGEST STATS GAPS NOTIFICATIONS AUTH NOBOARD";
    private static final System.Logger LOG = System.getLogger(LoggerProtocol.class.getName());
    /** The original's VALID_SERVER_COMMANDS: known ones not allowed in a state get ERROR 1, others ERROR 2. */
    private static final Set<String> ORIGINAL_COMMANDS = Set.of("START", "STOP", "UPDATE", "DOWNLOAD", "BOARD", "LOGGING",
            "SESSIONS", "RESET", "DELETE");

    enum State {
        IDLE, LOGGING, DOWNLOADING
    }

    /** Ends a chunked read after its first chunk. */
    private static final class ChunkRead extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChunkRead() {
            super(null, null, false, false);
        }
    }

    private final LoggingRuntime runtime;
    private final Supplier<RequestCounts> requestCounts;
    private boolean downloading;
    private long downloadSession;
    private long downloadNext;

    /** @param requestCounts the endpoint's request and refusal counts, reported by {@code STATS} */
    LoggerProtocol(LoggingRuntime runtime, Supplier<RequestCounts> requestCounts) {
        this.runtime = runtime;
        this.requestCounts = requestCounts;
    }

    State state() {
        return downloading ? State.DOWNLOADING : runtime.isLogging() ? State.LOGGING : State.IDLE;
    }

    /** @return the reply to one (authenticated) request */
    String handle(String request) {
        String[] tokens = request.trim().split("\\s+");
        try {
            return dispatch(tokens[0], tokens);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Logger protocol request '" + tokens[0] + "' failed", e);
            downloading = false;
            return "ERROR 5 " + e.toString().replaceAll("\\s+", " ");
        }
    }

    private String dispatch(String command, String[] t) {
        switch (command) {
            case "BOARD": return board(t);
            case "BOARDS": return boards();
            case "RESET":
                downloading = false;
                return "ACK";
            case "AUTH": return "ACK";
            case "VERSION": return VERSION;
            case "STATS": return stats();
            case "GAPS": return gaps(t);
            case "DIGEST": return digest(t);
            case "NOTIFICATIONS": return notifications(t);
            default: break;
        }
        State state = state();
        switch (state) {
            case DOWNLOADING:
                return command.equals("ACK") ? nextChunk() : error(command, state);
            case LOGGING:
                switch (command) {
                    case "UPDATE": return runtime.currentSession().stream()
                            .mapToObj(id -> runtime.store().latestFromSession(id).orElse("")).findFirst().orElse("");
                    case "START": return "INSESSION";
                    case "LOGGING": return "ACK";
                    case "STOP":
                        runtime.stopSession();
                        return "ACK";
                    default: return error(command, state);
                }
            default:
                switch (command) {
                    case "START": return start();
                    case "LOGGING": return "NACK";
                    case "STOP", "UPDATE": return "NOSESSION";
                    case "SESSIONS": return sessions();
                    case "DOWNLOAD": return download(t);
                    case "DELETE": return delete(t);
                    default: return error(command, state);
                }
        }
    }

    private static String error(String command, State state) {
        return (ORIGINAL_COMMANDS.contains(command) ? "ERROR 1 " : "ERROR 2 ") + state;
    }

    private String start() {
        try {
            runtime.startSession();
            return "ACK";
        } catch (StoreUnavailableException e) {
            return "ERROR 3";
        } catch (IllegalStateException e) {
            return "INSESSION";
        }
    }

    private String sessions() {
        List<SessionSummary> sessions;
        try {
            sessions = runtime.store().clientSessionList();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "SESSIONS: the store failed", e);
            return "NACK";
        }
        StringBuilder reply = new StringBuilder();
        for (SessionSummary session : sessions) {
            reply.append(session.toLine()).append('\n');
        }
        return reply.append(sessions.isEmpty() ? "\nNACK" : "NACK").toString();
    }

    private String download(String[] t) {
        boolean plain = t.length == 2;
        boolean resumed = t.length == 4 && t[2].equals("FROM");
        if (!plain && !resumed) {
            return "NACK";
        }
        try {
            downloadSession = Long.parseLong(t[1]);
            downloadNext = resumed ? Long.parseLong(t[3]) : 0;
        } catch (NumberFormatException e) {
            return "NACK";
        }
        if (downloadNext < 0) {
            return "NACK";
        }
        downloading = true;
        return nextChunk();
    }

    private String nextChunk() {
        List<String> chunk = readChunk(runtime.store(), downloadSession, downloadNext);
        if (chunk.isEmpty()) {
            downloading = false;
            return "NACK";
        }
        downloadNext += chunk.size();
        boolean more = downloadNext < runtime.store().messageCount(downloadSession);
        downloading = more;
        return String.join("\n", chunk) + (more ? "\nACK" : "\nNACK");
    }

    private static List<String> readChunk(ServerStore store, long sessionId, long from) {
        List<String> chunk = new ArrayList<>(CHUNK);
        try {
            store.readSession(sessionId, from, CHUNK, lines -> {
                chunk.addAll(lines);
                throw new ChunkRead();
            });
        } catch (ChunkRead done) {
            // one chunk is all a reply carries
        }
        return chunk;
    }

    private String delete(String[] t) {
        if (t.length != 2) {
            return "NACK";
        }
        try {
            runtime.deleteSession(Long.parseLong(t[1]));
            return "ACK";
        } catch (NumberFormatException e) {
            return "NACK";
        }
    }

    private String boards() {
        return "BOARDS " + runtime.boards().stream().map(b -> hex(b.boardId())).collect(Collectors.joining(" "));
    }

    private String board(String[] t) {
        if (t.length < 2 || !t[1].matches("[0-9a-fA-F]{1,2}")) {
            return "ERROR 4 usage: BOARD <hex id> <hex command>";
        }
        int boardId = Integer.parseInt(t[1], 16);
        String command = String.join("", List.of(t).subList(2, t.length));
        if (runtime.boards().stream().mapToInt(BoardInfo::boardId).noneMatch(id -> id == boardId)) {
            return "NOBOARD " + hex(boardId);
        }
        CommandResult result = runtime.sendBoardCommand(boardId, command);
        if (result.acknowledged()) {
            return "ACK";
        }
        String reason = result.reply().replaceAll("\\s+", " ");
        return "BOARDERROR " + hex(boardId) + " " + (reason.length() > 60 ? reason.substring(0, 60) : reason);
    }

    private String digest(String[] t) {
        long sessionId;
        try {
            sessionId = Long.parseLong(t.length == 2 ? t[1] : "x");
        } catch (NumberFormatException e) {
            return "ERROR 4 usage: DIGEST <session>";
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        long count = runtime.store().readSession(sessionId, 0, 10_000, lines -> {
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
        });
        return "DIGEST " + sessionId + " " + count + " " + HexFormat.of().formatHex(sha.digest());
    }

    private String gaps(String[] t) {
        List<GapRecord> records;
        String label;
        if (t.length == 1) {
            records = runtime.gapsOutsideSessions();
            label = "0";
        } else if (t.length == 2 && t[1].matches("\\d{1,18}")) {
            records = runtime.gaps(Long.parseLong(t[1]));
            label = t[1];
        } else {
            return "ERROR 4 usage: GAPS [<session>]";
        }
        StringBuilder reply = new StringBuilder("GAPS " + label + " " + records.size());
        for (GapRecord record : records) {
            LossEvent e = record.event();
            reply.append('\n').append(e.timeMs()).append(' ').append(oneWord(record.sourceId())).append(' ')
                    .append(e.boardId() < 0 ? "-" : hex(e.boardId())).append(' ').append(e.kind()).append(' ')
                    .append(e.count()).append(' ').append(oneLine(e.detail()));
        }
        return reply.toString();
    }

    private String notifications(String[] t) {
        long after = 0;
        if (t.length == 2 && t[1].matches("\\d{1,18}")) {
            after = Long.parseLong(t[1]);
        } else if (t.length != 1) {
            return "ERROR 4 usage: NOTIFICATIONS [<after id>]";
        }
        List<Notification> notifications = runtime.notifications(after);
        StringBuilder reply = new StringBuilder("NOTIFICATIONS " + notifications.size());
        for (Notification n : notifications) {
            reply.append('\n').append(n.id()).append(' ').append(n.timeLogged()).append(' ').append(n.severity())
                    .append(' ').append(oneLine(n.description()));
        }
        return reply.toString();
    }

    private String stats() {
        RuntimeStatistics s = runtime.statistics();
        StoreHealth health = runtime.store().health();
        StringBuilder reply = new StringBuilder("STATS");
        reply.append(String.format(Locale.ROOT,
                "%nRUNTIME session=%s received=%d stored=%d refused=%d undecodable=%d unknownBoard=%d losses=%d",
                runtime.currentSession().isPresent() ? Long.toString(runtime.currentSession().getAsLong()) : "none",
                s.received(), s.stored(), s.refused(), s.undecodable(), s.unknownBoard(), s.lossEvents()));
        reply.append(String.format(Locale.ROOT, "%nSTORE connected=%b buffered=%d spooled=%d", health.connected(),
                health.bufferedMessages(), health.spooledMessages()));
        reply.append("\nPROTOCOL ").append(requestCounts.get());
        for (SourceInfo source : runtime.sources()) {
            var st = source.statistics();
            reply.append(String.format(Locale.ROOT,
                    "%nSOURCE %s state=%s messages=%d bytes=%d badLines=%d gaps=%d reconnects=%d boardErrors=%s boards=%s",
                    oneWord(source.id()), source.state(), st.messages(), st.bytes(), st.badLines(), st.gaps(), st.reconnects(),
                    joinErrors(st.boardErrors()),
                    source.boardIds().stream().sorted().map(LoggerProtocol::hex).collect(Collectors.joining(","))));
        }
        for (BoardStatistics board : runtime.boardStatistics()) {
            reply.append(String.format(Locale.ROOT, "%nBOARD %s source=%s messages=%d lastSeen=%d lost=%d", hex(board.boardId()),
                    oneWord(board.sourceId()), board.messages(), board.lastSeenMs(), board.lost()));
        }
        return reply.toString();
    }

    private static String joinErrors(Map<String, Long> errors) {
        return errors.isEmpty() ? "-" : errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    static String hex(int boardId) {
        return String.format(Locale.ROOT, "%02x", boardId);
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }

    private static String oneWord(String text) {
        return text.replaceAll("\\s+", "_");
    }
}
