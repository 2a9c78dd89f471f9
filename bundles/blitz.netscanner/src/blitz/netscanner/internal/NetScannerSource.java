package blitz.netscanner.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

import blitz.model.source.CommandResult;
import blitz.model.source.LossEvent;
import blitz.model.source.MessageSink;
import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.model.source.SourceStatistics;

/**
 * One NetScanner 9116 / 9IFC pressure scanner on Ethernet, read as the original server's
 * {@code NetScannerManager} did: TCP to the device, the init sequence {@code A} (NOP), {@code B}
 * (reset), {@code v01101 6.894757} (units kPa), one command per reply, then {@code rFFFF0} (all 16
 * channels) at {@code rateHz}. Each reply of 16 numbers becomes one synthetic board line (see
 * {@link ScanMessage}) for board 10 or 11, stamped with the milliseconds since {@link #start}. One
 * instance per factory configuration of {@code blitz.netscanner}; the properties are described in
 * {@code OSGI-INF/metatype/netscanner.xml} and {@code docs/serial.md}.
 *
 * <p>A worker thread owns the connection. A closed or failed connection, or {@code maxRetries}
 * unanswered requests in a row, closes it; the worker reconnects with a bounded backoff, repeats the
 * init sequence and reports the outage as one {@link LossEvent.Kind#RECONNECT_GAP}.
 */
@Component(configurationPid = "blitz.netscanner", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = MessageSource.class)
public final class NetScannerSource implements MessageSource {

    /** Configuration of one scanner; see OSGI-INF/metatype/netscanner.xml. */
    public @interface Config {
        /** Host name or IP address of the scanner. */
        String host();

        int port() default 9000;

        /** Board id of the synthetic messages: 10 (0x0A, Channel_1..16) or 11 (0x0B, Channel_17..32). */
        int boardId() default 10;

        /** Readings per second. */
        double rateHz() default 2.0;

        /** Connect timeout and how long the device may take to answer one command. */
        int timeoutMs() default 5000;

        /** Unanswered requests in a row tolerated before the connection is treated as lost. */
        int maxRetries() default 10;

        /** Longest wait between two reconnect attempts. */
        int reconnectMaxDelayMs() default 5000;

        /** The source id; empty = {@code netscanner:<host>:<port>}. */
        String id() default "";
    }

    /** The original's init sequence, one command per reply. */
    static final List<String> INIT_SEQUENCE = List.of("A", "B", "v01101 6.894757");
    /** Read all 16 channels, decimal. */
    static final String READ_ALL = "rFFFF0";

    private static final long FIRST_RETRY_MS = 100;
    private static final long STOP_JOIN_EXTRA_MS = 2000;
    private static final int PREVIEW_LENGTH = 40;

    private final String host;
    private final int port;
    private final int boardId;
    private final double rateHz;
    private final int timeoutMs;
    private final int maxRetries;
    private final long reconnectMaxDelayMs;
    private final String id;
    private final String configError;
    private final Object wakeUp = new Object();

    private final LongAdder messages = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder badLines = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private volatile String lastError = "";

    private volatile SourceState state = SourceState.STOPPED;
    private volatile MessageSink sink;
    private volatile boolean stopping;
    private volatile ScannerLink link;
    private volatile Set<Integer> boardIds = Set.of();
    private volatile long startedNanos;
    private int unanswered;
    private Thread worker;

    @Activate
    public NetScannerSource(Config config) {
        this.host = config.host() == null ? "" : config.host().trim();
        this.port = config.port();
        this.boardId = config.boardId();
        this.rateHz = config.rateHz();
        this.timeoutMs = config.timeoutMs();
        this.maxRetries = config.maxRetries();
        this.reconnectMaxDelayMs = Math.max(FIRST_RETRY_MS, config.reconnectMaxDelayMs());
        this.id = config.id() == null || config.id().isBlank() ? "netscanner:" + host + ":" + port : config.id().trim();
        this.configError = validate(config);
    }

    private static String validate(Config config) {
        if (config.host() == null || config.host().isBlank()) {
            return "no host configured (property host)";
        }
        if (config.port() < 1 || config.port() > 65535) {
            return "port must be 1..65535, not " + config.port();
        }
        if (config.boardId() < 0 || config.boardId() > 255) {
            return "boardId must be 0..255 (10 = 0x0A or 11 = 0x0B for the NetScanner decoders), not " + config.boardId();
        }
        if (!(config.rateHz() > 0) || config.rateHz() > 1000) {
            return "rateHz must be above 0 and at most 1000, not " + config.rateHz();
        }
        if (config.timeoutMs() <= 0 || config.maxRetries() < 0) {
            return "timeoutMs must be positive and maxRetries not negative";
        }
        return "";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "NetScanner " + host + ":" + port + " as board " + hex2(boardId) + ", read at " + rateHz + " Hz";
    }

    @Override
    public synchronized void start(MessageSink messageSink) {
        if (worker != null) {
            return;
        }
        if (!configError.isEmpty()) {
            lastError = configError;
            state = SourceState.FAILED;
            return;
        }
        sink = messageSink;
        stopping = false;
        startedNanos = System.nanoTime();
        state = SourceState.CONNECTING;
        worker = new Thread(this::run, "blitz-netscanner-" + host + ":" + port);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        if (worker == null) {
            return;
        }
        stopping = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        ScannerLink open = link;
        if (open != null) {
            open.close(); // breaks a read that may wait for timeoutMs
        }
        try {
            worker.join(timeoutMs + STOP_JOIN_EXTRA_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
        sink = null;
        state = SourceState.STOPPED;
    }

    @Deactivate
    public void deactivate() {
        stop();
    }

    @Override
    public SourceState state() {
        return state;
    }

    /** @return the configured board id while the scanner is connected and initialised, else empty */
    @Override
    public Set<Integer> boardIds() {
        return boardIds;
    }

    @Override
    public CommandResult sendCommand(int board, String hexCommand) {
        return CommandResult.failed("NetScanner " + host + ":" + port + " (board " + hex2(boardId)
                + ") takes no board commands");
    }

    @Override
    public SourceStatistics statistics() {
        return new SourceStatistics(messages.sum(), bytes.sum(), badLines.sum(), Map.of(), gaps.sum(),
                reconnects.sum(), lastError);
    }

    /** The connection loop of the worker thread. */
    private void run() {
        boolean everRan = false;
        long lostAt = 0;
        String lostCause = "";
        int attempt = 0;
        while (!stopping) {
            ScannerLink opened = null;
            try {
                opened = ScannerLink.connect(host, port, timeoutMs, bytes);
                link = opened;
                if (stopping) {
                    break;
                }
                initialise(opened);
                boardIds = Set.of(boardId);
                if (lostAt != 0) {
                    reconnects.increment();
                    gaps.increment();
                    loss(LossEvent.Kind.RECONNECT_GAP, "connection lost (" + lostCause + "), scanner read again after "
                            + (System.currentTimeMillis() - lostAt) + " ms");
                    lostAt = 0;
                }
                everRan = true;
                attempt = 0;
                state = SourceState.RUNNING;
                readChannels(opened);
            } catch (IOException | RuntimeException e) {
                if (!stopping) {
                    String error = e instanceof IOException ? e.getMessage() : "unexpected " + e;
                    lastError = error;
                    if (everRan && lostAt == 0) {
                        lostAt = System.currentTimeMillis();
                        lostCause = error;
                    }
                }
            } finally {
                boardIds = Set.of();
                link = null;
                if (opened != null) {
                    opened.close();
                }
            }
            if (!stopping) {
                // never connected: most likely a wrong address; keep trying in case the device comes up
                state = everRan ? SourceState.RECONNECTING : SourceState.FAILED;
                sleep(Math.min(reconnectMaxDelayMs, FIRST_RETRY_MS << Math.min(attempt++, 16)));
            }
        }
        state = SourceState.STOPPED;
    }

    /** Sends the init commands, each after the previous one was answered (any answer, as the original). */
    private void initialise(ScannerLink open) throws IOException {
        unanswered = 0;
        for (String command : INIT_SEQUENCE) {
            while (request(open, command) == null) {
                // unanswered: sent again, up to maxRetries times
            }
        }
    }

    /** Requests all channels at the configured rate until stopping. */
    private void readChannels(ScannerLink open) throws IOException {
        long periodNanos = (long) (TimeUnit.SECONDS.toNanos(1) / rateHz);
        long next = System.nanoTime();
        while (!stopping) {
            String reply = request(open, READ_ALL);
            if (reply != null) {
                reading(reply);
            }
            next = Math.max(next + periodNanos, System.nanoTime());
            waitUntil(next);
        }
    }

    /**
     * @return the reply, or {@code null} when it did not come within the timeout
     * @throws ScannerLink.ConnectionLostException after more than {@code maxRetries} unanswered requests in a row
     */
    private String request(ScannerLink open, String command) throws IOException {
        String reply = open.exchange(command);
        if (reply != null) {
            unanswered = 0;
            return reply;
        }
        lastError = "no reply to " + command + " from " + open.address() + " within " + timeoutMs + " ms";
        if (++unanswered > maxRetries) {
            throw new ScannerLink.ConnectionLostException("no reply to " + command + " from " + open.address() + " after "
                    + unanswered + " attempts");
        }
        return null;
    }

    private void reading(String reply) {
        if (reply.length() > ScannerLink.MAX_REPLY_BYTES) {
            badLine("reply longer than " + ScannerLink.MAX_REPLY_BYTES + " bytes: " + preview(reply));
            return;
        }
        String line;
        try {
            line = ScanMessage.encode(boardId, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos), reply);
        } catch (ScanMessage.BadReplyException e) {
            badLine("not a reading of 16 channels (" + e.getMessage() + "): " + preview(reply));
            return;
        }
        MessageSink target = sink;
        if (target != null && !stopping) {
            messages.increment();
            try {
                target.onMessage(id, line);
            } catch (RuntimeException e) {
                lastError = "sink failed on a message: " + e;
            }
        }
    }

    private void badLine(String detail) {
        badLines.increment();
        loss(LossEvent.Kind.BAD_LINE, detail);
    }

    private void loss(LossEvent.Kind kind, String detail) {
        MessageSink target = sink;
        if (target != null) {
            try {
                target.onLoss(id, new LossEvent(kind, boardId, 1, System.currentTimeMillis(), detail));
            } catch (RuntimeException e) {
                lastError = "sink failed on a loss event: " + e;
            }
        }
    }

    private void waitUntil(long nanoTime) {
        synchronized (wakeUp) {
            long remaining;
            while (!stopping && (remaining = nanoTime - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(wakeUp, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
        }
    }

    private void sleep(long millis) {
        waitUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** @return the start of a reply with control characters escaped, for a loss event's detail */
    private static String preview(String reply) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(reply.length(), PREVIEW_LENGTH); i++) {
            char c = reply.charAt(i);
            out.append(c >= ' ' && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return out.append(reply.length() > PREVIEW_LENGTH ? "...\"" : "\"").toString();
    }

    private static String hex2(int value) {
        return String.format("%02X", value);
    }
}
