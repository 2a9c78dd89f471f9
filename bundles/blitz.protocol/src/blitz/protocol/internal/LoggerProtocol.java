// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.logger.BoardInfo;
import blitz.logger.LiveActivity;
import blitz.logger.LoggingRuntime;
import blitz.logger.SessionReader;
import blitz.model.SessionSummary;
import blitz.model.server.StoreUnavailableException;
import blitz.model.source.CommandResult;
import blitz.protocol.RequestCounts;
import blitz.protocol.wire.Command;
import blitz.protocol.wire.DownloadFrames;
import blitz.protocol.wire.ErrorCode;
import blitz.protocol.wire.Replies;
import blitz.protocol.wire.SessionDigests;

/**
 * The logger protocol's state machine (IDLE, LOGGING, DOWNLOADING), answering one request at a time
 * with the original's replies, its defects fixed, plus the extensions; see
 * {@code docs/protocol-logger.md}. Each client has its own {@link Conversation} (its download), so one
 * client's download never changes another's replies; sessions (LOGGING) are global. Reads stored
 * sessions through the {@link SessionReader}, page by page. Thread-safe: the server's workers answer
 * several clients at once (each client's requests one at a time); the requests that start, stop or
 * delete sessions are serialized, so they see and change the runtime's state one after the other.
 * Never throws: every failure becomes an {@code ERROR} reply.
 */
final class LoggerProtocol {
    private static final Logger LOG = LoggerFactory.getLogger(LoggerProtocol.class);
    /** Messages read per page while computing a digest. */
    private static final int DIGEST_PAGE = 10_000;
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,18}");

    enum State {
        IDLE, LOGGING, DOWNLOADING
    }

    private final LoggingRuntime runtime;
    private final SessionReader stored;
    private final RuntimeReports reports;
    private final FrameReader frames;
    private final LiveActivity activity;
    private final LiveReplies live;
    private final ConversationTable conversations;
    /** Held while a request starts, stops or deletes a session: they stay global and one at a time. */
    private final Object sessionChanges = new Object();

    /**
     * @param protocolCounts the endpoint's counts (requests, refusals, conversations), reported by {@code STATS}
     * @param conversations  the clients' conversations
     */
    LoggerProtocol(LoggingRuntime runtime, LiveActivity activity, SessionReader stored, Supplier<String> protocolCounts,
            ConversationTable conversations) {
        this.runtime = runtime;
        this.activity = activity;
        this.stored = stored;
        this.conversations = conversations;
        this.reports = new RuntimeReports(runtime, activity, stored, protocolCounts);
        this.frames = new FrameReader(stored);
        this.live = new LiveReplies(runtime, activity);
    }

    private State state(Conversation client) {
        return client.isDownloading() ? State.DOWNLOADING : runtime.isLogging() ? State.LOGGING : State.IDLE;
    }

    /**
     * Ends the downloads that waited too long for their ACK.
     *
     * @param inWork whether a client has a request being answered now (its download goes on)
     */
    void expire(long nowMs, Predicate<String> inWork) {
        conversations.expire(nowMs, inWork);
    }

    /**
     * @param clientId the client's identity: its conversation
     * @return the reply to one (authenticated) request
     */
    String handle(String clientId, String request, long nowMs) {
        String[] tokens = request.trim().split("\\s+");
        Conversation client = conversations.of(clientId, nowMs);
        long expired = client.takeExpired();
        try {
            Optional<Command> command = Command.of(tokens[0]);
            if (expired != 0 && command.equals(Optional.of(Command.ACK))) {
                return ErrorCode.EXPIRED.reply("download of session " + expired + " ended: no ACK for "
                        + conversations.timeoutMs() / 1000 + " s; resume it with DOWNLOAD " + expired + " FROM <index>");
            }
            return command.map(known -> changesSessions(known) ? serialized(client, known, tokens)
                    : dispatch(client, known, tokens)).orElseGet(() -> ErrorCode.UNKNOWN.reply(state(client).name()));
        } catch (RuntimeException e) {
            LOG.error("Logger protocol request '{}' failed", tokens[0], e);
            client.endDownload();
            return ErrorCode.FAILED.reply(e.toString().replaceAll("\\s+", " "));
        }
    }

    private static boolean changesSessions(Command command) {
        return command == Command.START || command == Command.STOP || command == Command.DELETE;
    }

    private String serialized(Conversation client, Command command, String[] t) {
        synchronized (sessionChanges) {
            return dispatch(client, command, t);
        }
    }

    private String dispatch(Conversation client, Command command, String[] t) {
        if (DownloadFrames.isFrameRequest(t)) {
            return frames.reply(t);
        }
        switch (command) {
            case BOARD: return board(t);
            case BOARDS: return Replies.boards(runtime.boards().stream().map(BoardInfo::boardId).toList());
            case RESET:
                client.endDownload();
                return Replies.ACK;
            case AUTH: return Replies.ACK;
            case VERSION: return Replies.version(activity.epoch());
            case LIVE: return live.live(t);
            case STATS: return reports.stats();
            case GAPS: return reports.gaps(t);
            case DIGEST: return digest(t);
            case NOTIFICATIONS: return reports.notifications(t);
            default: break;
        }
        State state = state(client);
        switch (state) {
            case DOWNLOADING:
                return command == Command.ACK ? nextChunk(client) : Replies.refused(command, state.name());
            case LOGGING:
                switch (command) {
                    case UPDATE: return runtime.currentSession().stream()
                            .mapToObj(id -> stored.latest(id).orElse("")).findFirst().orElse("");
                    case START: return Replies.INSESSION;
                    case LOGGING: return Replies.ACK;
                    case STOP:
                        runtime.stopSession();
                        return Replies.ACK;
                    default: return Replies.refused(command, state.name());
                }
            default:
                switch (command) {
                    case START: return start();
                    case LOGGING: return Replies.NACK;
                    case STOP, UPDATE: return Replies.NOSESSION;
                    case SESSIONS: return sessions();
                    case DOWNLOAD: return download(client, t);
                    case DELETE: return delete(t);
                    default: return Replies.refused(command, state.name());
                }
        }
    }

    private String start() {
        try {
            runtime.startSession();
            return Replies.ACK;
        } catch (StoreUnavailableException e) {
            return ErrorCode.NO_STORE.reply();
        } catch (IllegalStateException e) {
            return Replies.INSESSION; // another client (or the shell) started one meanwhile
        }
    }

    private String sessions() {
        List<SessionSummary> sessions;
        try {
            sessions = stored.sessions();
        } catch (RuntimeException e) {
            LOG.error("SESSIONS: the store failed", e);
            return Replies.NACK;
        }
        return Replies.sessions(sessions.stream().map(SessionSummary::toLine).toList());
    }

    private String download(Conversation client, String[] t) {
        boolean plain = t.length == 2;
        boolean resumed = t.length == 4 && t[2].equals(Command.FROM);
        OptionalLong session = number(t, 1);
        OptionalLong from = resumed ? number(t, 3) : OptionalLong.of(0);
        if (!(plain || resumed) || session.isEmpty() || from.isEmpty() || from.getAsLong() < 0) {
            return Replies.NACK;
        }
        client.startDownload(session.getAsLong(), from.getAsLong());
        return nextChunk(client);
    }

    private String nextChunk(Conversation client) {
        List<String> chunk = stored.readPage(client.session(), client.next(), Replies.CHUNK);
        if (chunk.isEmpty()) {
            client.endDownload();
            return Replies.NACK;
        }
        boolean more = client.next() + chunk.size() < stored.messageCount(client.session());
        client.advance(chunk.size(), more);
        return Replies.chunk(chunk, more);
    }

    private String delete(String[] t) {
        OptionalLong session = number(t, 1);
        if (t.length != 2 || session.isEmpty()) {
            return Replies.NACK;
        }
        runtime.deleteSession(session.getAsLong());
        return Replies.ACK;
    }

    private String board(String[] t) {
        if (t.length < 2 || !t[1].matches("[0-9a-fA-F]{1,2}")) {
            return ErrorCode.BAD_REQUEST.reply("usage: BOARD <hex id> <hex command>");
        }
        int boardId = Integer.parseInt(t[1], 16);
        String command = String.join("", List.of(t).subList(2, t.length));
        if (runtime.boards().stream().mapToInt(BoardInfo::boardId).noneMatch(id -> id == boardId)) {
            return Replies.noBoard(boardId);
        }
        CommandResult result = runtime.sendBoardCommand(boardId, command);
        if (result.acknowledged()) {
            return Replies.ACK;
        }
        String reason = result.reply().replaceAll("\\s+", " ");
        return Replies.boardError(boardId, reason.length() > 60 ? reason.substring(0, 60) : reason);
    }

    /** {@code DIGEST <n>}: the session's receipt, read page by page as far as it is stored now. */
    private String digest(String[] t) {
        OptionalLong session = number(t, 1);
        if (t.length != 2 || session.isEmpty()) {
            return ErrorCode.BAD_REQUEST.reply("usage: DIGEST <session>");
        }
        long sessionId = session.getAsLong();
        SessionDigests.Digester digester = SessionDigests.digester();
        long end = stored.messageCount(sessionId);
        long next = 0;
        while (next < end) {
            List<String> page = stored.readPage(sessionId, next, (int) Math.min(DIGEST_PAGE, end - next));
            if (page.isEmpty()) {
                break; // deleted meanwhile
            }
            digester.add(page);
            next += page.size();
        }
        return SessionDigests.reply(digester.receipt(sessionId));
    }

    /** @return the request's token at {@code index} as a number, empty when absent or not a number */
    static OptionalLong number(String[] t, int index) {
        return index < t.length && NUMBER.matcher(t[index]).matches() ? OptionalLong.of(Long.parseLong(t[index]))
                : OptionalLong.empty();
    }
}
