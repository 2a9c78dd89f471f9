package blitz.netscanner.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
 *
 * <p>Stopping is bounded: {@link #stop()} waits at most {@code stopTimeoutMs} for the reply to a
 * reading already asked for (the scanner buffers nothing else), then closes the socket, which ends a
 * connect or read at once, and returns within {@code stopTimeoutMs} + 500 ms in any case. A reading
 * lost that way, or a worker that has not finished in time (held up in the sink, say), is logged as a
 * warning and kept as {@code lastError}. Runs go one after the other on at most one thread, so there is
 * never a second connection to the scanner: a {@link #start(MessageSink)} while the last run is still
 * finishing waits (CONNECTING) until it has, and that run delivers nothing after its stop returned.
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

        /** Longest time stop() waits for the reply to a reading already asked for. */
        int stopTimeoutMs() default 1000;

        /** The source id; empty = {@code netscanner:<host>:<port>}. */
        String id() default "";
    }

    /** The original's init sequence, one command per reply. */
    static final List<String> INIT_SEQUENCE = List.of("A", "B", "v01101 6.894757");
    /** Read all 16 channels, decimal. */
    static final String READ_ALL = "rFFFF0";

    private static final long FIRST_RETRY_MS = 100;
    /** How long stop() waits beyond stopTimeoutMs for the worker to let go of the closed connection. */
    private static final long STOP_GRACE_MS = 500;
    /** How long an idle worker thread waits for the next run (the runtime restarts sources on each session START). */
    private static final long WORKER_IDLE_MS = 10_000;
    private static final int PREVIEW_LENGTH = 40;
    private static final System.Logger LOG = System.getLogger(NetScannerSource.class.getName());

    private final String host;
    private final int port;
    private final int boardId;
    private final double rateHz;
    private final int timeoutMs;
    private final int maxRetries;
    private final long reconnectMaxDelayMs;
    private final long stopTimeoutMs;
    private final String id;
    private final String configError;
    private final Object wakeUp = new Object();
    /** Lets one stop() at a time wait for its run without keeping start() out meanwhile. */
    private final Object stopLock = new Object();
    /** Runs one run after the other on at most one thread: two runs never share the scanner. */
    private final ThreadPoolExecutor worker;

    private final LongAdder messages = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder badLines = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private volatile String lastError = "";

    private volatile SourceState state = SourceState.STOPPED;
    private volatile Set<Integer> boardIds = Set.of();
    /** The run start() began and stop() has not ended; null when stopped. Guarded by this. */
    private Run running;
    /** Only the worker thread uses it. */
    private int unanswered;

    @Activate
    public NetScannerSource(Config config) {
        this.host = config.host() == null ? "" : config.host().trim();
        this.port = config.port();
        this.boardId = config.boardId();
        this.rateHz = config.rateHz();
        this.timeoutMs = config.timeoutMs();
        this.maxRetries = config.maxRetries();
        this.reconnectMaxDelayMs = Math.max(FIRST_RETRY_MS, config.reconnectMaxDelayMs());
        this.stopTimeoutMs = config.stopTimeoutMs();
        this.id = config.id() == null || config.id().isBlank() ? "netscanner:" + host + ":" + port : config.id().trim();
        this.configError = validate(config);
        this.worker = new ThreadPoolExecutor(0, 1, WORKER_IDLE_MS, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "blitz-netscanner-" + host + ":" + port);
            thread.setDaemon(true);
            return thread;
        });
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
        if (config.timeoutMs() <= 0 || config.stopTimeoutMs() <= 0 || config.maxRetries() < 0) {
            return "timeoutMs and stopTimeoutMs must be positive and maxRetries not negative";
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

    /** Returns at once; while the last run is still finishing its stop, this one waits for it. */
    @Override
    public synchronized void start(MessageSink messageSink) {
        if (running != null) {
            return;
        }
        if (!configError.isEmpty()) {
            lastError = configError;
            state = SourceState.FAILED;
            return;
        }
        Run run = new Run(messageSink);
        running = run;
        state = SourceState.CONNECTING;
        worker.execute(() -> work(run));
    }

    /**
     * Waits for the reply to a reading already asked for, closes the connection and returns once the
     * worker has let go of it, within {@code stopTimeoutMs} + 500 ms in any case; see the class
     * comment for how a stop is cut short. No reading is delivered after it returns.
     */
    @Override
    public void stop() {
        synchronized (stopLock) {
            Run ending;
            synchronized (this) {
                ending = running;
                if (ending == null) {
                    return;
                }
                running = null;
                ending.stopping = true;
            }
            long began = System.nanoTime();
            synchronized (wakeUp) {
                wakeUp.notifyAll();
            }
            if (!ending.readingAsked) {
                ending.hangUp(); // nothing to wait for: ends a connect, an init command or a wait at once
            }
            boolean ended = ending.awaitEnd(began + TimeUnit.MILLISECONDS.toNanos(stopTimeoutMs));
            if (!ended) {
                if (ending.readingAsked) {
                    ending.drainCutShort = "no reply to the reading asked for within its " + stopTimeoutMs + " ms";
                }
                ending.hangUp();
                ended = ending.awaitEnd(began + TimeUnit.MILLISECONDS.toNanos(stopTimeoutMs + STOP_GRACE_MS));
            }
            ending.sink = null;
            String cut = ended ? ending.drainCutShort : "the worker did not finish in time; it delivers nothing more";
            if (!cut.isEmpty()) {
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                LOG.log(Level.WARNING, "Stopping NetScanner {0}:{1} took {2} ms and cut the drain short: {3}", host,
                        Integer.toString(port), Long.toString(tookMs), cut);
                lastError = "stop of NetScanner " + host + ":" + port + " cut the drain short after " + tookMs + " ms: " + cut;
            }
            synchronized (this) {
                if (running == null) { // else start() was called while this stop waited
                    state = SourceState.STOPPED;
                }
            }
        }
    }

    /** Stops, and lets the worker thread end as soon as it has finished. */
    @Deactivate
    public void deactivate() {
        stop();
        worker.shutdown();
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

    /** One run on the worker thread. */
    private void work(Run run) {
        try {
            connectAndRead(run);
        } finally {
            run.ended.countDown();
            synchronized (this) {
                if (running == run) { // ended without stop(): the thread was interrupted or hit an Error
                    running = null;
                    state = SourceState.STOPPED;
                }
            }
        }
    }

    /** The connection loop of one run. */
    private void connectAndRead(Run run) {
        boolean everRan = false;
        long lostAt = 0;
        String lostCause = "";
        int attempt = 0;
        while (!run.stopping) {
            ScannerLink opened = new ScannerLink(host, port, timeoutMs, bytes);
            run.link = opened;
            try {
                if (run.stopping) { // stop() may have looked for the link before it was there
                    break;
                }
                opened.connect();
                initialise(opened);
                boardIds = Set.of(boardId);
                if (lostAt != 0) {
                    reconnects.increment();
                    gaps.increment();
                    loss(run, LossEvent.Kind.RECONNECT_GAP, "connection lost (" + lostCause + "), scanner read again after "
                            + (System.currentTimeMillis() - lostAt) + " ms");
                    lostAt = 0;
                }
                everRan = true;
                attempt = 0;
                showState(run, SourceState.RUNNING);
                readChannels(run, opened);
            } catch (IOException | RuntimeException e) {
                if (!run.stopping) {
                    String error = e instanceof IOException ? e.getMessage() : "unexpected " + e;
                    lastError = error;
                    if (everRan && lostAt == 0) {
                        lostAt = System.currentTimeMillis();
                        lostCause = error;
                    }
                }
            } finally {
                boardIds = Set.of();
                run.link = null;
                opened.close();
            }
            if (!run.stopping) {
                // never connected: most likely a wrong address; keep trying in case the device comes up
                showState(run, everRan ? SourceState.RECONNECTING : SourceState.FAILED);
                sleep(run, Math.min(reconnectMaxDelayMs, FIRST_RETRY_MS << Math.min(attempt++, 16)));
            }
        }
    }

    /** Shows the worker's progress unless the run was stopped (stop() sets STOPPED or start() CONNECTING). */
    private synchronized void showState(Run run, SourceState progress) {
        if (running == run) {
            state = progress;
        }
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

    /** Requests all channels at the configured rate until stopping; delivers the reading asked for before the stop. */
    private void readChannels(Run run, ScannerLink open) throws IOException {
        long periodNanos = (long) (TimeUnit.SECONDS.toNanos(1) / rateHz);
        long next = System.nanoTime();
        while (true) {
            run.readingAsked = true; // before looking at stopping: either stop() waits for this reading or it is not asked
            if (run.stopping) {
                run.readingAsked = false;
                return;
            }
            String reply;
            try {
                reply = request(open, READ_ALL);
            } finally {
                run.readingAsked = false;
            }
            if (reply != null) {
                reading(run, reply);
            } else if (run.stopping) {
                run.drainCutShort = lastError;
            }
            next = Math.max(next + periodNanos, System.nanoTime());
            waitUntil(run, next);
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

    private void reading(Run run, String reply) {
        if (reply.length() > ScannerLink.MAX_REPLY_BYTES) {
            badLine(run, "reply longer than " + ScannerLink.MAX_REPLY_BYTES + " bytes: " + preview(reply));
            return;
        }
        String line;
        try {
            line = ScanMessage.encode(boardId, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - run.startedNanos), reply);
        } catch (ScanMessage.BadReplyException e) {
            badLine(run, "not a reading of 16 channels (" + e.getMessage() + "): " + preview(reply));
            return;
        }
        MessageSink target = run.sink;
        if (target != null) {
            messages.increment();
            try {
                target.onMessage(id, line);
            } catch (RuntimeException e) {
                lastError = "sink failed on a message: " + e;
            }
        }
    }

    private void badLine(Run run, String detail) {
        badLines.increment();
        loss(run, LossEvent.Kind.BAD_LINE, detail);
    }

    private void loss(Run run, LossEvent.Kind kind, String detail) {
        MessageSink target = run.sink;
        if (target != null) {
            try {
                target.onLoss(id, new LossEvent(kind, boardId, 1, System.currentTimeMillis(), detail));
            } catch (RuntimeException e) {
                lastError = "sink failed on a loss event: " + e;
            }
        }
    }

    private void waitUntil(Run run, long nanoTime) {
        synchronized (wakeUp) {
            long remaining;
            while (!run.stopping && (remaining = nanoTime - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(wakeUp, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    run.stopping = true;
                }
            }
        }
    }

    private void sleep(Run run, long millis) {
        waitUntil(run, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** One period from start() to stop(): where its readings go, its connection, and how its stop went. */
    private static final class Run {
        final long startedNanos = System.nanoTime();
        final CountDownLatch ended = new CountDownLatch(1);
        /** Cleared when stop() returns, so that a worker that has not finished by then delivers nothing. */
        volatile MessageSink sink;
        volatile boolean stopping;
        /** Set before the connection connects, so that stop() can close it meanwhile. */
        volatile ScannerLink link;
        /** Whether a reading was asked for and its reply is not in yet: stop() waits for it. */
        volatile boolean readingAsked;
        /** Why the reading asked for before the stop was not delivered, "" when it was (or none was asked for). */
        volatile String drainCutShort = "";

        Run(MessageSink sink) {
            this.sink = sink;
        }

        /** Closes the connection: a connect or read in progress fails at once. */
        void hangUp() {
            ScannerLink open = link;
            if (open != null) {
                open.close();
            }
        }

        /** @return whether the run ended before {@code deadlineNanos} */
        boolean awaitEnd(long deadlineNanos) {
            try {
                return ended.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ended.getCount() == 0;
            }
        }
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
