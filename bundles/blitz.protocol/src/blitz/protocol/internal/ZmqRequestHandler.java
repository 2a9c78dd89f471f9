// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import blitz.logger.LiveActivity;
import blitz.logger.LoggingRuntime;
import blitz.logger.SessionReader;
import blitz.model.DataFolder;
import blitz.protocol.ProtocolFrames;
import blitz.protocol.RequestCounts;
import blitz.protocol.RequestHandler;
import blitz.protocol.wire.DownloadFrames;

/**
 * Serves the logger protocol on a ZeroMQ ROUTER socket, a conversation per client (configuration PID {@value #PID}), optionally
 * encrypted with CURVE. One thread owns the socket: strict request/reply per client, every request gets
 * exactly one reply; a {@link RequestScheduler}'s workers answer, so that one client's long request never
 * stalls another's reply. A {@link RequestGuard} stands before the {@link LoggerProtocol}: lockout,
 * oversized, non-ASCII and unauthenticated requests never reach it.
 */
@Component(service = RequestHandler.class, configurationPid = ZmqRequestHandler.PID, immediate = true)
@Designate(ocd = ZmqRequestHandler.Config.class)
public class ZmqRequestHandler implements RequestHandler {
    public static final String PID = "blitz.protocol";
    static final String DEFAULT_KEY_FILE = "${blitz.data}/protocol-keys";
    private static final Logger LOG = LoggerFactory.getLogger(ZmqRequestHandler.class);
    /** Frames larger than this make JeroMQ drop the peer: a defence against memory abuse. */
    private static final long MAX_FRAME_BYTES = 1 << 20;
    private static final int POLL_MS = 200;
    private static final long REFUSAL_LOG_INTERVAL_MS = 60_000;

    /** Configuration (PID {@value ZmqRequestHandler#PID}); see docs/protocol-logger.md. */
    @ObjectClassDefinition(id = PID, name = "Blitz logger protocol",
            description = "The ZeroMQ request/reply endpoint clients (and the original's clients) talk to")
    public @interface Config {
        @AttributeDefinition(name = "Bind address", description = "Anything but a loopback address requires a token")
        String bindAddress() default "127.0.0.1";

        @AttributeDefinition(name = "Port", min = "1", max = "65535", description = "TCP port (the original's 8999)")
        int port() default 8999;

        /** Shared secret (property {@code .token}, private like the Redis store's {@code .password}); when set
         * every request must start with {@code AUTH <token> }. Never logged. */
        @AttributeDefinition(name = "Token", type = AttributeType.PASSWORD, required = false,
                description = "Shared secret; requests must then start with 'AUTH token '. Never shown or logged.")
        String _token() default "";

        @AttributeDefinition(name = "Longest request (bytes)", min = "16", description = "Longer requests get ERROR 4")
        int maxRequestLength() default 4096;

        @AttributeDefinition(name = "Encrypt (CURVE)", description = "ZeroMQ CURVE encryption; clients then need the"
                + " server's public key (shell: protocol:key) and old clients cannot connect")
        boolean curve() default false;

        @AttributeDefinition(name = "CURVE key file",
                description = "The server's key pair, generated when missing, readable by its user only (mode 600)")
        String keyFile() default DEFAULT_KEY_FILE;

        @AttributeDefinition(name = "Wrong tokens before lockout", min = "0",
                description = "Wrong tokens from one host within the window that lock it out; 0 turns the lockout off")
        int lockoutAttempts() default 5;

        @AttributeDefinition(name = "Lockout window (s)", min = "1", description = "The window in which wrong tokens are counted")
        int lockoutWindowSeconds() default 60;

        @AttributeDefinition(name = "Lockout (s)", min = "1",
                description = "How long a locked-out host gets ERROR 7 for every request")
        int lockoutSeconds() default 300;

        @AttributeDefinition(name = "Download expiry (s)", min = "1", description = "A client's download that gets no"
                + " ACK for this long ends; the client's next ACK gets ERROR 8")
        int conversationTimeoutSeconds() default 30;

        @AttributeDefinition(name = "Clients remembered", min = "1",
                description = "Conversations kept; beyond this the client seen least recently is forgotten")
        int maxClients() default 1024;

        @AttributeDefinition(name = "Workers", min = "1", description = "Requests answered at once (reading a"
                + " download chunk or a digest from the store, starting a session); the socket never waits for them")
        int workerThreads() default 4;

        @AttributeDefinition(name = "Requests in work", min = "1", description = "Requests being answered or"
                + " waiting for a worker at most; beyond this a client gets ERROR 9 (busy) at once")
        int maxRequestsInWork() default 64;
    }

    private final RequestGuard guard;
    private final int workerThreads;
    private final int maxRequestsInWork;
    private volatile RequestScheduler scheduler;
    private final int maxRequestLength;
    private final String endpoint;
    private final ServerKeys keys;
    private final Thread thread;
    private volatile boolean running = true;

    @Activate
    public ZmqRequestHandler(@Reference LoggingRuntime runtime, @Reference LiveActivity activity,
            @Reference SessionReader stored, Config config) {
        this.maxRequestLength = Math.max(64, config.maxRequestLength());
        // STATS reports the guard's counts: read through this server once the guard exists
        ConversationTable conversations = new ConversationTable(config.maxClients(),
                config.conversationTimeoutSeconds() * 1_000L);
        this.workerThreads = config.workerThreads();
        this.maxRequestsInWork = config.maxRequestsInWork();
        this.guard = new RequestGuard(new LoggerProtocol(runtime, activity, stored, () -> protocolCounts(conversations), conversations),
                config._token(),
                maxRequestLength,
                new AuthLockout(config.lockoutAttempts(), config.lockoutWindowSeconds() * 1_000L, config.lockoutSeconds() * 1_000L),
                new RefusalLog(REFUSAL_LOG_INTERVAL_MS, System::currentTimeMillis), System::currentTimeMillis);
        this.endpoint = "tcp://" + config.bindAddress().trim() + ":" + config.port();
        this.keys = config.curve() ? keys(config) : null;
        if (!guard.requiresToken() && !isLoopback(config.bindAddress().trim())) {
            LOG.error("Refusing to serve the logger protocol on {} without a token: set 'token' in the"
                    + " configuration {}, or bind to 127.0.0.1", endpoint, PID);
            thread = null;
            return;
        }
        if (config.curve() && keys == null) {
            thread = null;
            return;
        }
        thread = new Thread(this::serve, "blitz-protocol " + endpoint);
        thread.setDaemon(true);
        thread.start();
    }

    private ServerKeys keys(Config config) {
        try {
            return ServerKeys.loadOrCreate(DataFolder.resolve(config.keyFile()));
        } catch (IOException | RuntimeException e) {
            LOG.error("Refusing to serve the logger protocol on {}: CURVE is on but its key pair cannot be"
                    + " read or made: {}", endpoint, e.getMessage());
            return null;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5_000);
        }
    }

    @Override
    public String reply(byte[] request, String peerHost) {
        return ascii(guard.reply(request, peerHost));
    }

    @Override
    public RequestCounts counts() {
        return guard.counts();
    }

    /** @return the {@code PROTOCOL} line of {@code STATS}: requests, refusals, conversations, busy replies */
    private String protocolCounts(ConversationTable conversations) {
        RequestScheduler serving = scheduler;
        return counts() + " " + conversations.counts() + " busy=" + (serving == null ? 0 : serving.busyCount());
    }

    /**
     * A ROUTER socket, so that each client (a REQ socket, the original's included) keeps its own
     * conversation: every request arrives with the client's identity and its REQ envelope, and the
     * reply goes back with them. This thread only reads requests and sends replies; the
     * {@link RequestScheduler}'s workers answer them, and signal through a pipe polled with the socket.
     * Between requests, downloads that wait too long for their ACK expire.
     */
    private void serve() {
        try (ZContext context = new ZContext(); RequestScheduler requests = new RequestScheduler(guard, workerThreads,
                maxRequestsInWork)) {
            ZMQ.Socket socket = context.createSocket(SocketType.ROUTER);
            socket.setLinger(0);
            socket.setMaxMsgSize(MAX_FRAME_BYTES);
            if (keys != null) {
                socket.setCurveServer(true);
                socket.setCurveSecretKey(ZMQ.Curve.z85Decode(keys.secretKey()));
            }
            try {
                socket.bind(endpoint);
            } catch (ZMQException e) {
                LOG.error("Cannot serve the logger protocol on {}: {}", endpoint, e.getMessage());
                return;
            }
            scheduler = requests;
            LOG.info("Logger protocol listening on {}{}{}", endpoint,
                    guard.requiresToken() ? " (token required)" : "",
                    keys == null ? "" : " (CURVE, server public key " + keys.publicKey() + ")");
            ZMQ.Poller poller = context.createPoller(2);
            poller.register(socket, ZMQ.Poller.POLLIN);
            poller.register(requests.doneSignal(), ZMQ.Poller.POLLIN);
            long lastExpiry = System.currentTimeMillis();
            while (running && !Thread.currentThread().isInterrupted()) {
                poller.poll(POLL_MS);
                // A ZeroMQ socket signals new messages once: sending may take that signal, so read until
                // the socket itself says nothing more is waiting
                do {
                    readRequests(socket, requests);
                    requests.finish(reply -> send(socket, reply));
                } while ((socket.getEvents() & ZMQ.Poller.POLLIN) != 0);
                if (System.currentTimeMillis() - lastExpiry >= POLL_MS) {
                    guard.expire(requests::isInWork);
                    lastExpiry = System.currentTimeMillis();
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (running) {
                LOG.error("The logger protocol server on " + endpoint + " stopped", e);
            }
        } finally {
            scheduler = null;
        }
    }

    /** Reads every request waiting on the socket and hands each to the scheduler. */
    private void readRequests(ZMQ.Socket socket, RequestScheduler requests) {
        byte[] identity;
        while ((identity = socket.recv(ZMQ.DONTWAIT)) != null) {
            if (socket.hasReceiveMore()) {
                requests.accept(read(socket, identity), reply -> send(socket, reply));
            }
        }
    }

    /** Reads the rest of one client's request: its envelope, then the frames. */
    private RequestScheduler.ClientRequest read(ZMQ.Socket socket, byte[] identity) {
        zmq.Msg first = socket.recvMsg(0);
        boolean envelope = first.size() == 0 && socket.hasReceiveMore(); // a REQ client's empty delimiter
        zmq.Msg body = envelope ? socket.recvMsg(0) : first;
        String host = peerHost(body);
        byte[] request = readRest(socket, body.data());
        return new RequestScheduler.ClientRequest(identity, envelope, HexFormat.of().formatHex(identity), host, request);
    }

    /** Sends a reply to its client, with the client's envelope. */
    private static void send(ZMQ.Socket socket, RequestScheduler.ClientReply reply) {
        socket.sendMore(reply.request().identity());
        if (reply.request().envelope()) {
            socket.sendMore(new byte[0]);
        }
        String text = ascii(reply.reply());
        // a download frame is one ZeroMQ frame (several MB): cutting it into the original's 1024 would cost more than reading it
        List<String> frames = DownloadFrames.isFrame(text) ? List.of(text) : ProtocolFrames.split(text);
        for (int i = 0; i < frames.size() - 1; i++) {
            socket.sendMore(frames.get(i));
        }
        socket.send(frames.get(frames.size() - 1));
    }

    /** @return the sender's address without its port, as JeroMQ's connection metadata gives it */
    static String peerHost(zmq.Msg message) {
        String address = message.getMetadata() == null ? null : message.getMetadata().get(zmq.io.Metadata.PEER_ADDRESS);
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        int port = address.lastIndexOf(':'); // "127.0.0.1:43712", "[::1]:43712": the port is always last
        return (port > 0 ? address.substring(0, port) : address).replace("[", "").replace("]", "");
    }

    /** Reads the request's remaining frames, keeping at most one byte more than the limit. */
    private byte[] readRest(ZMQ.Socket socket, byte[] first) {
        if (!socket.hasReceiveMore()) {
            return first;
        }
        int limit = maxRequestLength + 1;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(first, 0, Math.min(first.length, limit));
        while (socket.hasReceiveMore()) {
            byte[] frame = socket.recv(0);
            if (frame != null && all.size() < limit) {
                all.write(frame, 0, Math.min(frame.length, limit - all.size()));
            }
        }
        return all.toByteArray();
    }

    /** Replies stay ASCII so that a frame's characters are its bytes. */
    private static String ascii(String reply) {
        StringBuilder out = null;
        for (int i = 0; i < reply.length(); i++) {
            char c = reply.charAt(i);
            if (c > 0x7E || (c < 0x20 && c != '\n')) {
                if (out == null) {
                    out = new StringBuilder(reply.substring(0, i));
                }
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? reply : out.toString();
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
