// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.Endpoint;
import blitz.model.connection.Backoff;
import blitz.protocol.wire.Command;
import blitz.protocol.wire.ErrorCode;
import blitz.protocol.wire.Replies;

/**
 * The link to one runtime: its {@link RequestChannel}, the status every exchange updates, the
 * original client's probe ({@code LOGGING}, then {@code VERSION} for the capabilities) and the
 * reconnect probes with a {@link Backoff} after a lost link. Used on the {@link ConnectionWorker}
 * thread only; the status, endpoint and capabilities are readable from any thread.
 */
final class RuntimeLink {
    /** The first reconnect probe follows a lost link after this long. */
    private static final long FIRST_RECONNECT_MS = 250;
    /** ACKs sent at most to walk an original logger to the end of a download: 100 M messages. */
    private static final int MAX_RELEASE_CHUNKS = 1_000_000;

    private final ConnectionWorker worker;
    private final ConnectionEvents events;
    private final Supplier<ConnectionConfig> config;
    /** Hears whether the runtime logs, from every successful probe. */
    private final Consumer<Boolean> probedLogging;
    /** Hears of a lost link (live polling stops then). */
    private final Runnable lostLink;

    private volatile Endpoint endpoint;
    private volatile ConnectionStatus status = ConnectionStatus.DISCONNECTED;
    private volatile Set<String> capabilities = Set.of();
    /** Whether the runtime answered VERSION: a Blitz runtime, not the original logger. */
    private volatile boolean extensions;
    /** While the probe runs, replies do not bring the link up: it is up once VERSION is answered. */
    private boolean probing;
    private RequestChannel channel;
    private ScheduledFuture<?> reconnecting;
    private Backoff backoff;

    RuntimeLink(ConnectionWorker worker, ConnectionEvents events, Supplier<ConnectionConfig> config,
            Consumer<Boolean> probedLogging, Runnable lostLink) {
        this.worker = worker;
        this.events = events;
        this.config = config;
        this.probedLogging = probedLogging;
        this.lostLink = lostLink;
    }

    ConnectionStatus status() {
        return status;
    }

    Optional<Endpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    Set<String> capabilities() {
        return capabilities;
    }

    boolean isOpen() {
        return channel != null;
    }

    /** Closes any previous link, then opens one to the target and probes it. */
    ConnectionStatus open(Endpoint target) {
        close();
        endpoint = target;
        capabilities = Set.of();
        extensions = false;
        setStatus(ConnectionStatus.CONNECTING, "connecting to " + target);
        Optional<String> refusal = refusal(target);
        if (refusal.isPresent()) {
            setStatus(ConnectionStatus.REFUSED, refusal.get());
            return status;
        }
        ConnectionConfig settings = config.get();
        channel = new RequestChannel(target, settings.timeoutMs(), settings.retries());
        backoff = new Backoff(FIRST_RECONNECT_MS, settings.maxBackoffMs());
        probe();
        return status;
    }

    /** Closes the link (no reconnect follows); says so when it was not closed yet. */
    void disconnect() {
        close();
        if (status != ConnectionStatus.DISCONNECTED) {
            setStatus(ConnectionStatus.DISCONNECTED, "disconnected");
        }
    }

    /** Sends one request and tracks what the reply (or its absence) says about the link. */
    Optional<String> exchange(String command) {
        Optional<String> reply = channel.request(command);
        if (reply.isEmpty()) {
            ConnectionConfig settings = config.get();
            lost("no reply to " + command.split(" ")[0] + " after " + settings.retries() + " attempts of "
                    + settings.timeoutMs() + " ms" + (endpoint != null && endpoint.serverKey().isPresent()
                            ? " (CURVE: a runtime with another key, or without CURVE, never answers; check the server key)"
                            : ""));
        } else if (isAuthenticationFailure(reply.get())) {
            setStatus(ConnectionStatus.AUTHENTICATION_FAILED, "the runtime refused the token: " + reply.get());
        } else if (!probing && status != ConnectionStatus.CONNECTED && status != ConnectionStatus.CONNECTING) {
            setStatus(ConnectionStatus.CONNECTED, "connected to " + endpoint);
        }
        return reply;
    }

    /**
     * Frees a runtime left in the middle of a download (one this client lost or gave up). A Blitz
     * runtime gets {@code RESET}. The original logger never answers {@code RESET}, and its socket then
     * waits for ever (only a restart frees it): it gets {@code ACK} until its last chunk ({@code NACK})
     * instead, or until it answers anything but a chunk.
     *
     * @return the last reply, empty when none came
     */
    Optional<String> release() {
        if (extensions) {
            return channel.requestOnce(Command.RESET.name()); // one attempt: the link's status untouched
        }
        Optional<String> reply = channel.request(Command.ACK.name());
        for (int chunks = 1; chunks < MAX_RELEASE_CHUNKS && reply.isPresent() && isChunkWithMore(reply.get()); chunks++) {
            reply = channel.request(Command.ACK.name());
        }
        return reply;
    }

    /** @return whether a reply is a download chunk that more chunks follow (its trailer is ACK) */
    static boolean isChunkWithMore(String reply) {
        return reply.endsWith("\n" + Replies.ACK);
    }

    /** The original logger's answer to anything but ACK while it is in the middle of a download. */
    static boolean isStuckDownloading(String reply) {
        return Replies.isError(reply) && reply.contains(Command.DOWNLOAD.name());
    }

    private static boolean isAuthenticationFailure(String reply) {
        // ERROR 6: no or wrong token; ERROR 7: locked out after too many wrong tokens
        return Replies.isError(reply) && (reply.toUpperCase(Locale.ROOT).contains(Command.AUTH.name())
                || ErrorCode.LOCKED_OUT.isIn(reply));
    }

    /**
     * The original client's probe (LOGGING), then the capabilities (VERSION); the link is reported
     * CONNECTED only then, so whoever hears of it sees the capabilities at once.
     */
    private void probe() {
        probing = true;
        try {
            probeLink();
        } finally {
            probing = false;
        }
    }

    private void probeLink() {
        Optional<String> reply = exchange(Command.LOGGING.name());
        if (reply.isPresent() && isStuckDownloading(reply.get())) {
            // A Blitz runtime answers VERSION in every state, the original only ERROR: that decides how to free it
            extensions = exchange(Command.VERSION.name()).filter(version -> version.startsWith(Command.VERSION.name()))
                    .isPresent();
            release();
            reply = exchange(Command.LOGGING.name());
        }
        if (reply.isEmpty() || status == ConnectionStatus.AUTHENTICATION_FAILED) {
            return;
        }
        Optional<String> version = exchange(Command.VERSION.name());
        if (version.isEmpty() || status == ConnectionStatus.AUTHENTICATION_FAILED) {
            return;
        }
        extensions = version.get().startsWith(Command.VERSION.name());
        capabilities = ReplyReader.capabilities(version.get());
        cancelReconnect();
        setStatus(ConnectionStatus.CONNECTED, "connected to " + endpoint);
        if (reply.get().equals(Replies.ACK)) {
            probedLogging.accept(true);
        } else if (reply.get().equals(Replies.NACK)) {
            probedLogging.accept(false);
        } else {
            events.error("unexpected reply to LOGGING: " + reply.get());
        }
    }

    private void lost(String why) {
        boolean wasUp = status == ConnectionStatus.CONNECTED || status == ConnectionStatus.CONNECTING;
        setStatus(wasUp ? ConnectionStatus.RECONNECTING : ConnectionStatus.TIMED_OUT, why);
        lostLink.run();
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (reconnecting != null && !reconnecting.isDone()) {
            return;
        }
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
        }, backoff.nextDelayMs());
    }

    private void cancelReconnect() {
        if (backoff != null) {
            backoff.reset();
        }
        if (reconnecting != null) {
            reconnecting.cancel(false);
            reconnecting = null;
        }
    }

    private void close() {
        cancelReconnect();
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private void setStatus(ConnectionStatus newStatus, String detail) {
        if (status == newStatus) {
            return;
        }
        status = newStatus;
        events.statusChanged(newStatus, detail);
    }

    /** Why a plain TCP connection to the endpoint is impossible, if it is (ZeroMQ would retry silently). */
    private Optional<String> refusal(Endpoint target) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(target.host(), target.port()), config.get().timeoutMs());
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
}
