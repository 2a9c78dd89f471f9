package blitz.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

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

/**
 * {@link LoggerConnection} over ZeroMQ. One worker thread owns the socket, so requests are strictly
 * one at a time as the protocol demands; public methods hand their request to it and wait.
 */
@Component(service = LoggerConnection.class, configurationPid = "blitz.client.connection")
@Designate(ocd = ConnectionConfig.class)
public class ZmqLoggerConnection implements LoggerConnection {
    private static final Logger LOG = Logger.getLogger(ZmqLoggerConnection.class.getName());
    private static final Pattern BOARD_LINE = Pattern.compile("[0-9A-Fa-f]{4,}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> KNOWN_CAPABILITIES = Set.of(RESUME, DIGEST, STATS, GAPS, NOTIFICATIONS);
    private static final long MIN_BACKOFF_MS = 250;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "blitz-runtime-connection");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();

    private volatile ConnectionConfig config;
    private volatile Endpoint endpoint;
    private volatile ConnectionStatus status = ConnectionStatus.DISCONNECTED;
    private volatile boolean logging;
    private volatile Set<String> capabilities = Set.of();

    // Touched only on the worker thread.
    private RequestChannel channel;
    private ScheduledFuture<?> updatePolling;
    private ScheduledFuture<?> reconnecting;
    private long backoffMs = MIN_BACKOFF_MS;

    @Activate
    public ZmqLoggerConnection(ConnectionConfig config) {
        this.config = config;
    }

    @Modified
    void modified(ConnectionConfig newConfig) {
        this.config = newConfig;
        onWorker(() -> {
            if (updatePolling != null) {
                schedulePolling();
            }
            return null;
        });
    }

    @Deactivate
    void close() {
        disconnect();
        worker.shutdownNow();
    }

    @Override
    public ConnectionStatus connect(Endpoint target) {
        return onWorker(() -> {
            closeChannel();
            endpoint = target;
            capabilities = Set.of();
            setStatus(ConnectionStatus.CONNECTING, "connecting to " + target);
            Optional<String> refusal = refusal(target);
            if (refusal.isPresent()) {
                setStatus(ConnectionStatus.REFUSED, refusal.get());
                return status;
            }
            channel = new RequestChannel(target, config.timeoutMs(), config.retries());
            probe();
            return status;
        });
    }

    @Override
    public void disconnect() {
        onWorker(() -> {
            closeChannel();
            if (status != ConnectionStatus.DISCONNECTED) {
                setStatus(ConnectionStatus.DISCONNECTED, "disconnected");
            }
            setLogging(false);
            return null;
        });
    }

    @Override
    public ConnectionStatus status() {
        return status;
    }

    @Override
    public Optional<Endpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    @Override
    public boolean isLogging() {
        return logging;
    }

    @Override
    public Set<String> capabilities() {
        return capabilities;
    }

    @Override
    public Reply start() {
        return command(ProtocolWords.START, reply -> {
            boolean started = reply.equals(ProtocolWords.ACK) || reply.equals(ProtocolWords.INSESSION);
            if (started) {
                setLogging(true);
            }
            return started;
        });
    }

    @Override
    public Reply stop() {
        Reply reply = command(ProtocolWords.STOP, text -> {
            if (text.equals(ProtocolWords.ACK) || text.equals(ProtocolWords.NOSESSION)) {
                setLogging(false);
            }
            return text.equals(ProtocolWords.ACK);
        });
        if (reply.ok()) {
            sessions();
        }
        return reply;
    }

    @Override
    public Reply reset() {
        // The original logger never answers RESET; one attempt, and silence is not a lost connection.
        return onWorker(() -> {
            if (channel == null) {
                return Reply.failed("not connected");
            }
            Optional<String> reply = channel.requestOnce(ProtocolWords.RESET);
            setLogging(false);
            return new Reply(true, reply.orElse(""));
        });
    }

    @Override
    public Optional<List<SessionSummary>> sessions() {
        Optional<String> reply = request(ProtocolWords.SESSIONS);
        if (reply.isEmpty() || reply.get().startsWith(ProtocolWords.ERROR)) {
            reply.ifPresent(this::reportError);
            return Optional.empty();
        }
        if (!reply.get().endsWith("\n" + ProtocolWords.NACK)) {
            // A bare NACK: the original logger has no database to list from.
            reportError("the runtime could not list its sessions: " + reply.get());
            return Optional.empty();
        }
        List<SessionSummary> sessions = new ArrayList<>();
        for (String line : reply.get().split("\n")) {
            if (line.trim().split("\\s+").length == 4) {
                try {
                    sessions.add(SessionSummary.parse(line));
                } catch (IllegalArgumentException e) {
                    LOG.warning("ignoring a session line the runtime sent: " + line);
                }
            }
        }
        List<SessionSummary> result = List.copyOf(sessions);
        listeners.forEach(listener -> listener.sessionsChanged(result));
        return Optional.of(result);
    }

    @Override
    public List<Integer> boards() {
        Optional<String> reply = request(ProtocolWords.BOARDS);
        if (reply.isEmpty() || !reply.get().startsWith(ProtocolWords.BOARDS)) {
            reply.ifPresent(this::reportError);
            return List.of();
        }
        List<Integer> ids = new ArrayList<>();
        for (String token : reply.get().substring(ProtocolWords.BOARDS.length()).trim().split("\\s+")) {
            if (!token.isEmpty()) {
                try {
                    ids.add(Integer.parseInt(token, 16));
                } catch (NumberFormatException e) {
                    LOG.warning("ignoring a board id the runtime sent: " + token);
                }
            }
        }
        return List.copyOf(ids);
    }

    @Override
    public Reply boardCommand(int boardId, String hexCommand) {
        String command = String.format(Locale.ROOT, "%s %02x %s", ProtocolWords.BOARD, boardId, hexCommand);
        return command(command, reply -> reply.equals(ProtocolWords.ACK));
    }

    @Override
    public Reply delete(long sessionId) {
        return command(ProtocolWords.DELETE + " " + sessionId, reply -> reply.equals(ProtocolWords.ACK));
    }

    @Override
    public long download(long sessionId, long fromIndex, Consumer<List<String>> chunkConsumer,
            BooleanSupplier cancelled) throws DownloadException {
        if (fromIndex > 0 && !capabilities.contains(RESUME)) {
            throw new DownloadException("the runtime cannot resume a download (it has no '" + RESUME + "')", 0);
        }
        String first = ProtocolWords.DOWNLOAD + " " + sessionId + (fromIndex > 0 ? " FROM " + fromIndex : "");
        Future<Long> loop = worker.submit(() -> downloadLoop(first, chunkConsumer, cancelled));
        try {
            return loop.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DownloadException download) {
                throw download;
            }
            throw new DownloadException("download of session " + sessionId + " failed: " + e.getCause(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("download of session " + sessionId + " interrupted", 0);
        }
    }

    private long downloadLoop(String firstRequest, Consumer<List<String>> chunkConsumer, BooleanSupplier cancelled)
            throws DownloadException {
        if (channel == null) {
            throw new DownloadException("not connected", 0);
        }
        long delivered = 0;
        String request = firstRequest;
        while (true) {
            Optional<String> reply = exchange(request);
            if (delivered == 0 && reply.isPresent() && isStuckDownloading(reply.get())) {
                // A download we lost earlier left the runtime waiting for our ACK: release it, ask again.
                channel.requestOnce(ProtocolWords.RESET);
                reply = exchange(request);
            }
            if (reply.isEmpty()) {
                throw new DownloadException("the runtime stopped answering during the download", delivered);
            }
            String text = reply.get();
            if (text.startsWith(ProtocolWords.ERROR)) {
                channel.requestOnce(ProtocolWords.RESET);
                throw new DownloadException("the runtime refused the download: " + text, delivered);
            }
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            String trailer = lines.remove(lines.size() - 1);
            lines.removeIf(String::isEmpty);
            if (!lines.isEmpty()) {
                try {
                    chunkConsumer.accept(lines);
                } catch (RuntimeException e) {
                    channel.requestOnce(ProtocolWords.RESET);
                    throw new DownloadException("saving a downloaded chunk failed: " + e, delivered);
                }
                delivered += lines.size();
            }
            if (!trailer.equals(ProtocolWords.ACK)) {
                return delivered; // NACK: that was the last chunk (or there was no data)
            }
            if (cancelled.getAsBoolean()) {
                channel.requestOnce(ProtocolWords.RESET);
                return delivered;
            }
            request = ProtocolWords.ACK;
        }
    }

    @Override
    public Optional<SessionDigest> digest(long sessionId) {
        if (!capabilities.contains(DIGEST)) {
            return Optional.empty();
        }
        Optional<String> reply = request(ProtocolWords.DIGEST + " " + sessionId);
        if (reply.isEmpty() || reply.get().startsWith(ProtocolWords.ERROR)) {
            reply.ifPresent(this::reportError);
            return Optional.empty();
        }
        String[] tokens = reply.get().trim().split("\\s+");
        for (int i = 1; i < tokens.length; i++) {
            if (SHA256.matcher(tokens[i]).matches()) {
                try {
                    return Optional.of(new SessionDigest(sessionId, Long.parseLong(tokens[i - 1]), tokens[i]));
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        reportError("the runtime sent a digest this client cannot read: " + reply.get());
        return Optional.empty();
    }

    @Override
    public Optional<List<String>> query(String command) {
        String word = command.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (!capabilities.contains(word)) {
            return Optional.empty();
        }
        return request(command).filter(reply -> !reply.startsWith(ProtocolWords.ERROR))
                .map(reply -> List.of(reply.split("\n")));
    }

    @Override
    public void addListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ConnectionListener listener) {
        listeners.remove(listener);
    }

    // --- worker-thread internals ----------------------------------------------------------

    private Reply command(String command, java.util.function.Predicate<String> success) {
        Optional<String> reply = request(command);
        if (reply.isEmpty()) {
            return Reply.failed("the runtime did not answer " + command);
        }
        boolean ok = success.test(reply.get());
        if (!ok && reply.get().startsWith(ProtocolWords.ERROR)) {
            reportError(command + ": " + reply.get());
        }
        return new Reply(ok, reply.get());
    }

    private Optional<String> request(String command) {
        return onWorker(() -> channel == null ? Optional.<String>empty() : exchange(command));
    }

    /** Sends one request on the worker thread and tracks what the reply says about the link. */
    private Optional<String> exchange(String command) {
        Optional<String> reply = channel.request(command);
        if (reply.isEmpty()) {
            lost("no reply to " + command.split(" ")[0] + " after " + config.retries() + " attempts of "
                    + config.timeoutMs() + " ms" + (endpoint != null && endpoint.serverKey().isPresent()
                            ? " (CURVE: a runtime with another key, or without CURVE, never answers; check the server key)"
                            : ""));
        } else if (isAuthenticationFailure(reply.get())) {
            setStatus(ConnectionStatus.AUTHENTICATION_FAILED, "the runtime refused the token: " + reply.get());
        } else if (status != ConnectionStatus.CONNECTED && status != ConnectionStatus.CONNECTING) {
            setStatus(ConnectionStatus.CONNECTED, "connected to " + endpoint);
        }
        return reply;
    }

    /** The original logger's answer to anything but ACK while it is in the middle of a download. */
    private static boolean isStuckDownloading(String reply) {
        return reply.startsWith(ProtocolWords.ERROR) && reply.contains(ProtocolWords.DOWNLOAD);
    }

    private static boolean isAuthenticationFailure(String reply) {
        // ERROR 6: no or wrong token; ERROR 7: locked out after too many wrong tokens
        return reply.startsWith(ProtocolWords.ERROR) && (reply.toUpperCase(Locale.ROOT).contains(ProtocolWords.AUTH)
                || reply.startsWith(ProtocolWords.ERROR + " 7"));
    }

    /** The original client's probe (LOGGING), then the capabilities (VERSION). */
    private void probe() {
        Optional<String> reply = exchange(ProtocolWords.LOGGING);
        if (reply.isPresent() && isStuckDownloading(reply.get())) {
            channel.requestOnce(ProtocolWords.RESET);
            reply = exchange(ProtocolWords.LOGGING);
        }
        if (reply.isEmpty() || status == ConnectionStatus.AUTHENTICATION_FAILED) {
            return;
        }
        cancelReconnect();
        setStatus(ConnectionStatus.CONNECTED, "connected to " + endpoint);
        if (reply.get().equals(ProtocolWords.ACK)) {
            setLogging(true);
        } else if (reply.get().equals(ProtocolWords.NACK)) {
            setLogging(false);
        } else {
            reportError("unexpected reply to LOGGING: " + reply.get());
        }
        capabilities = exchange(ProtocolWords.VERSION).map(ZmqLoggerConnection::parseCapabilities).orElse(Set.of());
    }

    private static Set<String> parseCapabilities(String versionReply) {
        if (versionReply.startsWith(ProtocolWords.ERROR)) {
            return Set.of(); // the original logger: no extensions
        }
        Set<String> found = new java.util.HashSet<>();
        for (String token : versionReply.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
            // Blitz runtimes name the resumable download after its command, DOWNLOAD-FROM.
            String capability = token.equals("download-from") ? RESUME : token;
            if (KNOWN_CAPABILITIES.contains(capability)) {
                found.add(capability);
            }
        }
        return Set.copyOf(found);
    }

    private void lost(String why) {
        boolean wasUp = status == ConnectionStatus.CONNECTED || status == ConnectionStatus.CONNECTING;
        setStatus(wasUp ? ConnectionStatus.RECONNECTING : ConnectionStatus.TIMED_OUT, why);
        stopPolling();
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (reconnecting != null && !reconnecting.isDone()) {
            return;
        }
        long delay = backoffMs;
        backoffMs = Math.min(backoffMs * 2, config.maxBackoffMs());
        reconnecting = worker.schedule(() -> {
            reconnecting = null;
            if (channel == null || status == ConnectionStatus.AUTHENTICATION_FAILED) {
                return;
            }
            probe();
            if (status != ConnectionStatus.CONNECTED) {
                setStatus(ConnectionStatus.TIMED_OUT, "the runtime at " + endpoint + " does not answer; retrying");
                scheduleReconnect();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void cancelReconnect() {
        backoffMs = MIN_BACKOFF_MS;
        if (reconnecting != null) {
            reconnecting.cancel(false);
            reconnecting = null;
        }
    }

    /** Listeners hear of a new session before its first live line is polled (alarms start afresh then). */
    private void setLogging(boolean nowLogging) {
        boolean changed = logging != nowLogging;
        logging = nowLogging;
        if (changed) {
            listeners.forEach(listener -> listener.loggingChanged(nowLogging));
        }
        if (nowLogging) {
            onWorkerLater(() -> {
                if (updatePolling == null && channel != null) {
                    schedulePolling();
                }
            });
        } else {
            onWorkerLater(this::stopPolling);
        }
    }

    private void schedulePolling() {
        stopPolling();
        long period = config.updatePeriodMs();
        updatePolling = worker.scheduleWithFixedDelay(this::pollUpdate, period, period, TimeUnit.MILLISECONDS);
    }

    private void stopPolling() {
        if (updatePolling != null) {
            updatePolling.cancel(false);
            updatePolling = null;
        }
    }

    private void pollUpdate() {
        if (channel == null || status != ConnectionStatus.CONNECTED) {
            return;
        }
        Optional<String> reply = exchange(ProtocolWords.UPDATE);
        reply.ifPresent(text -> {
            if (text.equals(ProtocolWords.NOSESSION)) {
                setLogging(false);
            } else if (text.startsWith(ProtocolWords.ERROR)) {
                reportError("UPDATE: " + text);
            } else if (BOARD_LINE.matcher(text).matches()) {
                // The original client took any 4-character reply (even NACK) for a board line; we check.
                listeners.forEach(listener -> listener.liveLine(text));
            }
        });
    }

    private void setStatus(ConnectionStatus newStatus, String detail) {
        if (status == newStatus) {
            return;
        }
        status = newStatus;
        LOG.info(() -> "runtime connection " + newStatus + ": " + detail);
        listeners.forEach(listener -> listener.statusChanged(newStatus, detail));
    }

    private void reportError(String message) {
        LOG.warning(message);
        listeners.forEach(listener -> listener.error(message));
    }

    private void closeChannel() {
        stopPolling();
        cancelReconnect();
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /** Why a plain TCP connection to the endpoint is impossible, if it is (ZeroMQ would retry silently). */
    private Optional<String> refusal(Endpoint target) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(target.host(), target.port()), config.timeoutMs());
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("unknown host " + target.host());
        } catch (ConnectException e) {
            return Optional.of("nothing listens on " + target.host() + ":" + target.port());
        } catch (SocketTimeoutException e) {
            return Optional.empty(); // maybe slow: let the protocol's own timeout decide
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("cannot reach " + target + ": " + e.getMessage());
        }
    }

    private <T> T onWorker(Supplier<T> task) {
        try {
            return worker.submit(task::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to the runtime", e);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "runtime connection task failed", e.getCause());
            throw new IllegalStateException(e.getCause());
        }
    }

    private void onWorkerLater(Runnable task) {
        if (!worker.isShutdown()) {
            worker.execute(task);
        }
    }
}
