// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import blitz.model.SessionSummary;
import blitz.model.connection.ConnectionListener;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.model.connection.SessionDigest;
import blitz.model.connection.SessionTransfer;
import blitz.protocol.wire.Command;
import blitz.protocol.wire.Replies;
import blitz.protocol.wire.SessionDigests;

/**
 * {@link LoggerConnection} over ZeroMQ: the protocol's commands and what their replies mean. The
 * {@link RuntimeLink} carries the requests and keeps the link up, {@link LiveUpdates} polls live
 * lines while the runtime logs, {@link SessionDownload} runs downloads; all on the one
 * {@link ConnectionWorker} thread, so requests are strictly one at a time as the protocol demands.
 */
@Component(service = { LoggerConnection.class, SessionTransfer.class }, configurationPid = "blitz.client.connection")
@Designate(ocd = ConnectionConfig.class)
public class ZmqLoggerConnection implements LoggerConnection, SessionTransfer {
    private final ConnectionWorker worker = new ConnectionWorker();
    private final ConnectionEvents events = new ConnectionEvents();
    private final LiveUpdates live;
    private final RuntimeLink link;
    private volatile ConnectionConfig config;

    @Activate
    public ZmqLoggerConnection(ConnectionConfig config) {
        this.config = config;
        this.live = new LiveUpdates(worker, events, () -> this.config);
        this.link = new RuntimeLink(worker, events, () -> this.config, live::setLogging, live::stop);
        live.pollOn(link);
    }

    @Modified
    void modified(ConnectionConfig newConfig) {
        this.config = newConfig;
        worker.call(() -> {
            live.reconfigure();
            return null;
        });
    }

    @Deactivate
    void close() {
        disconnect();
        worker.shutdown();
    }

    @Override
    public ConnectionStatus connect(Endpoint target) {
        return worker.call(() -> {
            live.stop();
            return link.open(target);
        });
    }

    @Override
    public void disconnect() {
        worker.call(() -> {
            live.stop();
            link.disconnect();
            live.setLogging(false);
            return null;
        });
    }

    @Override
    public ConnectionStatus status() {
        return link.status();
    }

    @Override
    public Optional<Endpoint> endpoint() {
        return link.endpoint();
    }

    @Override
    public boolean isLogging() {
        return live.isLogging();
    }

    @Override
    public Set<String> capabilities() {
        return link.capabilities();
    }

    @Override
    public Reply start() {
        return command(Command.START.name(), reply -> {
            boolean started = reply.equals(Replies.ACK) || reply.equals(Replies.INSESSION);
            if (started) {
                live.setLogging(true);
            }
            return started;
        });
    }

    @Override
    public Reply stop() {
        Reply reply = command(Command.STOP.name(), text -> {
            if (text.equals(Replies.ACK) || text.equals(Replies.NOSESSION)) {
                live.setLogging(false);
            }
            return text.equals(Replies.ACK);
        });
        if (reply.ok()) {
            sessions();
        }
        return reply;
    }

    @Override
    public Reply reset() {
        // RESET for a Blitz runtime; the original logger, which never answers RESET, is walked to the end
        // of a download it may be in (ACK until NACK) instead
        return worker.call(() -> {
            if (!link.isOpen()) {
                return Reply.failed("not connected");
            }
            Optional<String> reply = link.release();
            live.setLogging(false);
            return new Reply(true, reply.orElse(""));
        });
    }

    @Override
    public Optional<List<SessionSummary>> sessions() {
        Optional<String> reply = request(Command.SESSIONS.name());
        if (reply.isEmpty() || Replies.isError(reply.get())) {
            reply.ifPresent(events::error);
            return Optional.empty();
        }
        if (!Replies.isSessionList(reply.get())) {
            // A bare NACK: the original logger has no database to list from.
            events.error("the runtime could not list its sessions: " + reply.get());
            return Optional.empty();
        }
        List<SessionSummary> sessions = ReplyReader.sessions(reply.get());
        events.sessionsChanged(sessions);
        return Optional.of(sessions);
    }

    @Override
    public List<Integer> boards() {
        Optional<String> reply = request(Command.BOARDS.name());
        if (reply.isEmpty() || !reply.get().startsWith(Command.BOARDS.name())) {
            reply.ifPresent(events::error);
            return List.of();
        }
        return ReplyReader.boards(reply.get());
    }

    @Override
    public Reply boardCommand(int boardId, String hexCommand) {
        return command(Command.BOARD.with(Replies.hex(boardId), hexCommand), reply -> reply.equals(Replies.ACK));
    }

    @Override
    public Reply delete(long sessionId) {
        return command(Command.DELETE.with(sessionId), reply -> reply.equals(Replies.ACK));
    }

    @Override
    public long download(long sessionId, long fromIndex, Consumer<List<String>> chunkConsumer,
            BooleanSupplier cancelled) throws DownloadException {
        if (fromIndex > 0 && !link.capabilities().contains(RESUME)) {
            throw new DownloadException("the runtime cannot resume a download (it has no '" + RESUME + "')", 0);
        }
        String first = fromIndex > 0 ? Command.DOWNLOAD.with(sessionId, Command.FROM, fromIndex)
                : Command.DOWNLOAD.with(sessionId);
        SessionDownload download = new SessionDownload(link, chunkConsumer, cancelled);
        boolean frames = link.capabilities().contains(ReplyReader.FRAMES) && config.downloadFrames();
        Future<Long> loop = worker.submit(() -> frames ? download.framed(sessionId, fromIndex) : download.run(first));
        try {
            return loop.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DownloadException failed) {
                throw failed;
            }
            throw new DownloadException("download of session " + sessionId + " failed: " + e.getCause(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("download of session " + sessionId + " interrupted", 0);
        }
    }

    @Override
    public Optional<SessionDigest> digest(long sessionId) {
        if (!link.capabilities().contains(DIGEST)) {
            return Optional.empty();
        }
        Optional<String> reply = request(Command.DIGEST.with(sessionId));
        if (reply.isEmpty() || Replies.isError(reply.get())) {
            reply.ifPresent(events::error);
            return Optional.empty();
        }
        Optional<SessionDigest> digest = SessionDigests.parse(sessionId, reply.get());
        if (digest.isEmpty()) {
            events.error("the runtime sent a digest this client cannot read: " + reply.get());
        }
        return digest;
    }

    @Override
    public Optional<List<String>> query(String command) {
        String word = command.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (!link.capabilities().contains(word)) {
            return Optional.empty();
        }
        return request(command).filter(reply -> !Replies.isError(reply)).map(reply -> List.of(reply.split("\n")));
    }

    @Override
    public void addListener(ConnectionListener listener) {
        events.add(listener);
    }

    @Override
    public void removeListener(ConnectionListener listener) {
        events.remove(listener);
    }

    private Reply command(String command, Predicate<String> success) {
        Optional<String> reply = request(command);
        if (reply.isEmpty()) {
            return Reply.failed("the runtime did not answer " + command);
        }
        boolean ok = success.test(reply.get());
        if (!ok && Replies.isError(reply.get())) {
            events.error(command + ": " + reply.get());
        }
        return new Reply(ok, reply.get());
    }

    private Optional<String> request(String command) {
        return worker.call(() -> link.isOpen() ? link.exchange(command) : Optional.<String>empty());
    }
}
