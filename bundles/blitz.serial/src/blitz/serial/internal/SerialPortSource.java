package blitz.serial.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

import blitz.codec.BoardCommand;
import blitz.codec.BoardMessageCodec;
import blitz.codec.MalformedLineException;
import blitz.codec.NumberedMessages;
import blitz.codec.SequenceTracker;
import blitz.codec.ShortCode;
import blitz.codec.ShortMessage;
import blitz.model.decoder.MessageDecodingException;
import blitz.model.message.BoardMessage;
import blitz.model.source.CommandResult;
import blitz.model.source.LossEvent;
import blitz.model.source.MessageSink;
import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.model.source.SourceStatistics;

/**
 * One serial port speaking the expansion-board host protocol as the original server did: open and
 * flush, ID handshake ({@code 0081} → {@code <id>82}), START with ACK, TRANSMIT every poll period
 * (buffered lines, then {@code <id>40}), a last TRANSMIT before STOP. One instance per factory
 * configuration of {@code blitz.serial.port}; the properties are described in
 * {@code OSGI-INF/metatype/serial-port.xml} and {@code docs/serial.md}.
 *
 * <p>A worker thread owns the connection; it reconnects by itself with a bounded backoff when the
 * port goes away (read or write failure, jSerialComm's disconnect event, or no byte for the silence
 * timeout) and reports the outage as one {@link LossEvent.Kind#RECONNECT_GAP} once the board runs
 * again. Exchanges on the port (polls, commands) are serialised by one lock.
 *
 * <p>Stopping is bounded: {@link #stop()} returns within {@code stopTimeoutMs} + 500 ms. While it
 * stops, the board may stay quiet for at most 500 ms per reply (a board that no longer answers costs
 * a stop little more than a second), and the drain is cut short when {@code stopTimeoutMs} is up; either is logged as
 * a warning and kept as {@code lastError}. There is never more than one thread talking to the port:
 * a worker that has not finished its stop in time (blocked in the sink, say) delivers nothing more,
 * and a {@link #start(MessageSink)} meanwhile is taken up by that same thread once it has finished.
 */
@Component(configurationPid = "blitz.serial.port", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = MessageSource.class)
public final class SerialPortSource implements MessageSource {

    /** Configuration of one port; see OSGI-INF/metatype/serial-port.xml. */
    public @interface Config {
        /** Device path (/dev/ttyUSB0, a /dev/serial/by-id link, a socat link) or a port name. */
        String port();

        int baud() default 57600;

        int pollPeriodMs() default 1000;

        /** Closes and reopens the port when no byte arrived for this long (at least two poll periods). */
        int silenceTimeoutMs() default 5000;

        int maxLineLength() default BoardMessageCodec.DEFAULT_MAX_HEX_LENGTH;

        /** How long the board may stay quiet in the middle of a reply (the original's 3 s read timeout). */
        int replyTimeoutMs() default 3000;

        /** Longest wait between two reconnect attempts. */
        int reconnectMaxDelayMs() default 1000;

        /** Longest time stop() lets the last TRANSMIT and the STOP take; a longer drain is cut short. */
        int stopTimeoutMs() default 3000;

        /** The source id; empty = the port. */
        String id() default "";
    }

    private static final long FIRST_RETRY_MS = 100;
    private static final long FLUSH_QUIET_MS = 200;
    /** How long the board may stay quiet in a reply once a stop was asked for. */
    private static final long STOP_QUIET_MS = 500;
    /** How long stop() waits for the worker beyond stopTimeoutMs (a read slice, closing the port). */
    private static final long STOP_GRACE_MS = 500;
    /** How often a reply read checks whether a stop shortened its time. */
    private static final long READ_CHECK_MS = 100;
    private static final System.Logger LOG = System.getLogger(SerialPortSource.class.getName());

    private final String port;
    private final String id;
    private final int baud;
    private final long pollPeriodMs;
    private final long silenceTimeoutMs;
    private final long replyTimeoutMs;
    private final long reconnectMaxDelayMs;
    private final long stopTimeoutMs;
    private final int maxLineLength;
    private final String configError;
    private final BoardMessageCodec codec;
    private final PortCounters counters = new PortCounters();
    private final SequenceTracker sequences = new SequenceTracker();
    private final ReentrantLock exchange = new ReentrantLock();
    private final Object wakeUp = new Object();

    private volatile SourceState state = SourceState.STOPPED;
    private volatile SerialLink link;
    private volatile Set<Integer> boardIds = Set.of();
    /** The run the worker is on (or last was on); only the worker changes it. */
    private volatile Run current = Run.NONE;
    /** The run start() asked for and stop() has not ended; null when stopped. Guarded by this. */
    private Run wanted;
    /** The one thread talking to the port, null when there is none. Guarded by this. */
    private Thread worker;

    @Activate
    public SerialPortSource(Config config) {
        this.port = config.port() == null ? "" : config.port().trim();
        this.id = config.id() == null || config.id().isBlank() ? port : config.id().trim();
        this.baud = config.baud();
        this.pollPeriodMs = config.pollPeriodMs();
        this.replyTimeoutMs = config.replyTimeoutMs();
        this.silenceTimeoutMs = Math.max(config.silenceTimeoutMs(), 2L * config.pollPeriodMs() + config.replyTimeoutMs());
        this.reconnectMaxDelayMs = Math.max(FIRST_RETRY_MS, config.reconnectMaxDelayMs());
        this.stopTimeoutMs = config.stopTimeoutMs();
        this.maxLineLength = config.maxLineLength();
        this.configError = validate(config);
        this.codec = new BoardMessageCodec(Math.max(BoardMessage.MIN_HEX_LENGTH, maxLineLength));
    }

    private static String validate(Config config) {
        if (config.port() == null || config.port().isBlank()) {
            return "no port configured (property port)";
        }
        if (config.baud() <= 0 || config.pollPeriodMs() <= 0 || config.replyTimeoutMs() <= 0 || config.stopTimeoutMs() <= 0) {
            return "baud, pollPeriodMs, replyTimeoutMs and stopTimeoutMs must be positive";
        }
        if (config.maxLineLength() < BoardMessage.MIN_HEX_LENGTH) {
            return "maxLineLength must be at least " + BoardMessage.MIN_HEX_LENGTH;
        }
        return "";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "serial port " + port + " at " + baud + " baud, polled every " + pollPeriodMs + " ms";
    }

    /** Returns at once; after a stop whose worker has not finished yet, that worker takes up this run. */
    @Override
    public synchronized void start(MessageSink messageSink) {
        if (wanted != null) {
            return;
        }
        if (!configError.isEmpty()) {
            counters.lastError(configError);
            state = SourceState.FAILED;
            return;
        }
        wanted = new Run(messageSink);
        state = SourceState.CONNECTING;
        if (worker == null) {
            worker = new Thread(this::work, "blitz-serial-" + port);
            worker.setDaemon(true);
            worker.start();
        }
    }

    /**
     * Drains the board (one last TRANSMIT), sends it STOP and returns once the worker has closed the
     * port, within {@code stopTimeoutMs} + 500 ms in any case; see the class comment for how a stop
     * is cut short. No line is delivered after it returns.
     */
    @Override
    public synchronized void stop() {
        Run ending = wanted;
        if (ending == null) {
            return;
        }
        wanted = null;
        if (ending.begun) {
            long began = System.nanoTime();
            ending.stop(began + TimeUnit.MILLISECONDS.toNanos(stopTimeoutMs));
            synchronized (wakeUp) {
                wakeUp.notifyAll();
            }
            String cut = awaitEnd(ending, began + TimeUnit.MILLISECONDS.toNanos(stopTimeoutMs + STOP_GRACE_MS))
                    ? ending.drainCutShort
                    : "the worker did not finish in time; it delivers nothing more";
            if (!cut.isEmpty()) {
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                LOG.log(Level.WARNING, "Stopping serial port {0} took {1} ms and cut the drain short: {2}", port,
                        Long.toString(tookMs), cut);
                counters.lastError("stop of " + port + " cut the drain short after " + tookMs + " ms: " + cut);
            }
        }
        ending.sink = null;
        if (wanted == null) { // else start() was called while this stop waited
            state = SourceState.STOPPED;
        }
    }

    /**
     * Waits (letting the worker and start() in) until {@code run} has ended and, unless the worker
     * took up a new run, its thread has ended too.
     *
     * @return whether that happened before {@code deadlineNanos}
     */
    private boolean awaitEnd(Run run, long deadlineNanos) {
        Thread ending = worker;
        try {
            long remaining;
            while (!run.ended && (remaining = deadlineNanos - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            }
            if (run.ended && worker == null) {
                TimeUnit.NANOSECONDS.timedJoin(ending, Math.max(1, deadlineNanos - System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return run.ended;
    }

    @Deactivate
    public void deactivate() {
        stop();
    }

    @Override
    public SourceState state() {
        return state;
    }

    @Override
    public Set<Integer> boardIds() {
        return boardIds;
    }

    @Override
    public SourceStatistics statistics() {
        return counters.snapshot();
    }

    @Override
    public CommandResult sendCommand(int boardId, String hexCommand) {
        if (!boardIds.contains(boardId)) {
            return CommandResult.failed("no board " + hex2(boardId) + " on " + port + " (boards here: " + boardIds + ")");
        }
        String line;
        try {
            line = BoardCommand.format(boardId, hexCommand == null ? "" : hexCommand.replace(" ", ""));
        } catch (IllegalArgumentException e) {
            return CommandResult.failed(e.getMessage());
        }
        try {
            if (!exchange.tryLock(pollPeriodMs + 2 * replyTimeoutMs, TimeUnit.MILLISECONDS)) {
                return CommandResult.failed("port " + port + " busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandResult.failed("interrupted");
        }
        try {
            SerialLink open = link;
            if (open == null || state != SourceState.RUNNING) {
                return CommandResult.failed("port " + port + " not connected (" + state + ")");
            }
            String reply = command(open, boardId, line);
            return reply == null ? CommandResult.ack() : CommandResult.failed(reply);
        } catch (IOException e) {
            counters.lastError(e.getMessage());
            return CommandResult.failed(e.getMessage());
        } finally {
            exchange.unlock();
        }
    }

    /** The worker thread: one run after the other, as long as start() asks for one. */
    private void work() {
        Run run = null;
        try {
            while ((run = nextRun(run)) != null) {
                current = run;
                connectAndPoll();
            }
        } finally {
            if (run != null) { // an Error ended the thread: a later start() needs a new one
                synchronized (this) {
                    run.ended = true;
                    worker = null;
                    notifyAll();
                }
            }
        }
    }

    /**
     * Marks {@code finished} ended and tells stop().
     *
     * @return the run start() asked for and the worker has not begun, or null after ending the worker
     */
    private synchronized Run nextRun(Run finished) {
        if (finished != null) {
            finished.ended = true;
            notifyAll();
        }
        if (wanted != null && wanted.begun) {
            // the run ended without stop(): the worker was interrupted
            wanted = null;
            state = SourceState.STOPPED;
        }
        if (wanted == null) {
            worker = null;
            return null;
        }
        wanted.begun = true;
        state = SourceState.CONNECTING;
        return wanted;
    }

    /** The connection loop of one run. */
    private void connectAndPoll() {
        boolean everRan = false;
        long lostAt = 0;
        String lostCause = "";
        int attempt = 0;
        while (!stopping()) {
            SerialLink opened = null;
            try {
                opened = SerialLink.open(port, baud, maxLineLength, counters.bytes);
                link = opened;
                int boardId = handshake(opened);
                boardIds = Set.of(boardId);
                startBoard(opened, boardId);
                if (lostAt != 0) {
                    counters.reconnects.increment();
                    counters.gaps.increment();
                    loss(LossEvent.Kind.RECONNECT_GAP, boardId, 1, "port lost (" + lostCause + "), board running again after "
                            + (System.currentTimeMillis() - lostAt) + " ms");
                    lostAt = 0;
                }
                everRan = true;
                attempt = 0;
                showState(SourceState.RUNNING);
                poll(opened, boardId);
            } catch (IOException | RuntimeException e) {
                String error = e instanceof IOException ? e.getMessage() : "unexpected " + e;
                counters.lastError(error);
                if (everRan && lostAt == 0) {
                    lostAt = System.currentTimeMillis();
                    lostCause = error;
                }
            } finally {
                exchange.lock();
                link = null;
                exchange.unlock();
                if (opened != null) {
                    opened.close();
                }
            }
            if (!stopping()) {
                // never connected: most likely a wrong path; keep trying in case the device appears
                showState(everRan ? SourceState.RECONNECTING : SourceState.FAILED);
                sleep(Math.min(reconnectMaxDelayMs, FIRST_RETRY_MS << Math.min(attempt++, 16)));
            }
        }
    }

    private boolean stopping() {
        return current.stopping;
    }

    /** Shows the worker's progress unless a stop is under way (stop() sets STOPPED). */
    private void showState(SourceState progress) {
        if (!stopping()) {
            state = progress;
        }
    }

    /** Flushes, asks for the board id ({@code 0081}) and returns the first two hex digits of the {@code 82} reply. */
    private int handshake(SerialLink open) throws IOException {
        exchange.lock();
        try {
            open.writeLine("");
            open.discardInput(FLUSH_QUIET_MS);
            open.writeLine(ShortMessage.of(0, ShortCode.ID_REQUEST).encode());
            while (true) {
                String reply = readReply(open);
                if (reply == null) {
                    throw new IOException("no board answered the ID request on " + port + " within " + replyQuietMs() + " ms");
                }
                if (reply.length() == ShortMessage.LENGTH) {
                    try {
                        ShortMessage message = ShortMessage.parse(reply);
                        if (message.is(ShortCode.ID_REPLY)) {
                            return message.boardId();
                        }
                    } catch (MalformedLineException e) {
                        // not the ID reply: keep waiting for it
                    }
                }
            }
        } finally {
            exchange.unlock();
        }
    }

    private void startBoard(SerialLink open, int boardId) throws IOException {
        exchange.lock();
        try {
            String reply = command(open, boardId, ShortMessage.of(boardId, ShortCode.START).encode());
            if (reply != null) {
                throw new IOException("board " + hex2(boardId) + " did not acknowledge START: " + reply);
            }
        } finally {
            exchange.unlock();
        }
    }

    /** Polls until stopping, then drains once and sends STOP. Returns only when stopping. */
    private void poll(SerialLink open, int boardId) throws IOException {
        long next = System.nanoTime();
        while (true) {
            next = Math.max(next + TimeUnit.MILLISECONDS.toNanos(pollPeriodMs), System.nanoTime());
            waitUntil(next);
            exchange.lock();
            try {
                if (stopping()) {
                    if (transmit(open, boardId) == null) {
                        current.drainCutShort = "board " + hex2(boardId) + " did not end the last TRANSMIT within "
                                + replyQuietMs() + " ms";
                    }
                    String reply = command(open, boardId, ShortMessage.of(boardId, ShortCode.STOP).encode());
                    if (reply != null) {
                        counters.lastError("board " + hex2(boardId) + " did not acknowledge STOP: " + reply);
                    }
                    return;
                }
                long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - open.lastByteNanos());
                if (silentMs > silenceTimeoutMs) {
                    throw new PortLostException("no byte from " + port + " for " + silentMs + " ms");
                }
                if (transmit(open, boardId) == ShortCode.ERROR_NOT_LOGGING) {
                    startBoard(open, boardId); // the board was reset and forgot it was logging
                }
            } finally {
                exchange.unlock();
            }
        }
    }

    /**
     * One TRANSMIT exchange: delivers the data lines up to the board's {@code 40}.
     *
     * @return the short code that ended the exchange (ACK or an error that ends it), or null on timeout
     */
    private ShortCode transmit(SerialLink open, int boardId) throws IOException {
        open.writeLine(ShortMessage.of(boardId, ShortCode.TRANSMIT).encode());
        while (true) {
            long overlong = open.overlongLines();
            String line = readReply(open);
            if (open.overlongLines() > overlong) {
                badLine(boardId, "line longer than " + maxLineLength + " characters");
            }
            if (line == null) {
                counters.lastError("board " + hex2(boardId) + " did not end TRANSMIT within " + replyQuietMs() + " ms");
                return null;
            }
            if (line.length() == ShortMessage.LENGTH) {
                ShortCode end = shortReply(boardId, line);
                if (end != null) {
                    return end;
                }
            } else if (line.length() >= BoardMessage.MIN_HEX_LENGTH) {
                dataLine(line);
            } else {
                badLine(boardId, "not a board message: " + preview(line));
            }
        }
    }

    /** @return the code when it ends a TRANSMIT reply (ACK, not logging), else null */
    private ShortCode shortReply(int boardId, String line) {
        ShortMessage message;
        try {
            message = ShortMessage.parse(line);
        } catch (MalformedLineException e) {
            badLine(boardId, e.getMessage());
            return null;
        }
        if (message.is(ShortCode.ACK)) {
            return ShortCode.ACK;
        }
        if (message.isError()) {
            boardError(message);
            return message.is(ShortCode.ERROR_NOT_LOGGING) ? ShortCode.ERROR_NOT_LOGGING : null;
        }
        badLine(boardId, "unexpected short message " + line);
        return null;
    }

    private void dataLine(String line) {
        BoardMessage message;
        try {
            message = codec.parse(line);
        } catch (MalformedLineException e) {
            badLine(-1, e.getMessage());
            return;
        }
        if (NumberedMessages.isNumbered(message)) {
            try {
                long sequence = NumberedMessages.sequence(message);
                SequenceTracker.Step step = sequences.observe(message.sender(), sequence);
                if (step.missing() > 0) {
                    counters.gaps.increment();
                    loss(LossEvent.Kind.SEQUENCE_GAP, message.sender(), step.missing(),
                            step.missing() + " numbered messages missing before number " + sequence + " (" + step.kind() + ")");
                }
            } catch (MessageDecodingException e) {
                // isNumbered() checked the layout; nothing else can fail here
            }
        }
        counters.messages.increment();
        MessageSink target = current.sink;
        if (target != null) {
            try {
                target.onMessage(id, line);
            } catch (RuntimeException e) {
                counters.lastError("sink failed on a message: " + e);
            }
        }
    }

    /**
     * Writes a command and waits for the board's answer.
     *
     * @return {@code null} on ACK, else the board's reply (or why there was none)
     */
    private String command(SerialLink open, int boardId, String line) throws IOException {
        open.writeLine(line);
        String reply = readReply(open);
        if (reply == null) {
            return "no reply from board " + hex2(boardId) + " within " + replyQuietMs() + " ms";
        }
        if (reply.length() == ShortMessage.LENGTH) {
            try {
                ShortMessage message = ShortMessage.parse(reply);
                if (message.boardId() == boardId && message.is(ShortCode.ACK)) {
                    return null;
                }
                if (message.isError()) {
                    boardError(message);
                }
            } catch (MalformedLineException e) {
                // returned as the reply below
            }
        }
        return reply;
    }

    private void boardError(ShortMessage message) {
        String code = hex2(message.code());
        counters.boardError(code);
        String meaning = message.knownCode().map(c -> c.name().toLowerCase().replace('_', ' ')).orElse("error");
        loss(LossEvent.Kind.BOARD_ERROR, message.boardId(), 1, "board " + hex2(message.boardId()) + " replied " + code + " ("
                + meaning + ")");
    }

    /**
     * Reads the next line of a reply in short slices, so that a stop asked for meanwhile shortens
     * the wait to {@link #STOP_QUIET_MS} and ends it when the stop's time is up.
     *
     * @return the line, or null when the board stayed quiet for {@link #replyQuietMs()}
     * @throws IOException when the stop's time is up (the drain is cut short) or the port went away
     */
    private String readReply(SerialLink open) throws IOException {
        long asked = System.nanoTime();
        while (true) {
            Run run = current;
            if (run.stopping && System.nanoTime() - run.stopDeadlineNanos > 0) {
                run.drainCutShort = "its " + stopTimeoutMs + " ms were up while the board was still replying";
                throw new IOException("stop of " + port + " ended a reply after " + stopTimeoutMs + " ms");
            }
            String line = open.readLine(READ_CHECK_MS);
            if (line != null) {
                return line;
            }
            long quietNanos = System.nanoTime() - Math.max(asked, open.lastByteNanos());
            if (quietNanos >= TimeUnit.MILLISECONDS.toNanos(replyQuietMs())) {
                return null;
            }
        }
    }

    /** @return how long the board may stay quiet in a reply: shorter once a stop was asked for */
    private long replyQuietMs() {
        return stopping() ? Math.min(replyTimeoutMs, STOP_QUIET_MS) : replyTimeoutMs;
    }

    private void badLine(int boardId, String detail) {
        counters.badLines.increment();
        loss(LossEvent.Kind.BAD_LINE, boardId, 1, detail);
    }

    private void loss(LossEvent.Kind kind, int boardId, long count, String detail) {
        MessageSink target = current.sink;
        if (target != null) {
            try {
                target.onLoss(id, new LossEvent(kind, boardId, count, System.currentTimeMillis(), detail));
            } catch (RuntimeException e) {
                counters.lastError("sink failed on a loss event: " + e);
            }
        }
    }

    private void waitUntil(long nanoTime) {
        synchronized (wakeUp) {
            long remaining;
            while (!stopping() && (remaining = nanoTime - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(wakeUp, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    current.stopping = true;
                }
            }
        }
    }

    private void sleep(long millis) {
        waitUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** One period from start() to stop(): where its lines go, and how its stop goes. */
    private static final class Run {
        static final Run NONE = new Run(null);

        /** Cleared when stop() returns, so that a worker that has not finished by then delivers nothing. */
        volatile MessageSink sink;
        volatile boolean stopping;
        volatile long stopDeadlineNanos;
        /** Why the drain of this run's stop did not complete, "" when it did. */
        volatile String drainCutShort = "";
        /** Whether the worker took this run up, and whether it has finished it. Guarded by the source. */
        boolean begun;
        boolean ended;

        Run(MessageSink sink) {
            this.sink = sink;
        }

        void stop(long deadlineNanos) {
            stopDeadlineNanos = deadlineNanos;
            stopping = true;
        }
    }

    /** @return the start of a bad line, printable, for a loss event's detail */
    private static String preview(String line) {
        StringBuilder out = new StringBuilder("\"");
        line.chars().limit(40).forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c)));
        return out.append(line.length() > 40 ? "...\"" : "\"").toString();
    }

    private static String hex2(int value) {
        return String.format("%02X", value);
    }
}
