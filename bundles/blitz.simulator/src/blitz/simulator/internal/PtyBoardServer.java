// SPDX-License-Identifier: EPL-2.0
package blitz.simulator.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import blitz.codec.BoardMessageCodec;
import blitz.codec.LineSplitter;
import blitz.codec.MalformedLineException;
import blitz.codec.NumberedMessages;
import blitz.codec.ShortCode;
import blitz.codec.ShortMessage;
import blitz.model.message.BoardMessage;
import blitz.model.message.MessageType;
import blitz.simulator.BoardSimulator;
import blitz.simulator.SimulatedClock;
import blitz.simulator.SimulatorOptions;

/**
 * Serves the expansion-board protocol on a device path opened with a plain {@link FileChannel}.
 *
 * <p>Replies, as the BlitzExpansion firmware: {@code 0081} (or ID to any board) gets {@code <id>82};
 * START and STOP get {@code <id>40}; TRANSMIT gets every buffered message then {@code <id>40}, or
 * {@code <id>66} (not currently logging) when the board was not started; STATUS gets a full message
 * with meta byte 0x84; the custom instructions 0x85..0x88 get {@code <id>40}; another instruction in
 * 0x80..0x9F gets {@code 65}, anything else {@code 64}, a line shorter than four characters {@code 61}.
 * Lines for another board id are ignored.
 */
public final class PtyBoardServer implements BoardSimulator {
    private static final int TICK_MS = 5;
    private static final long REOPEN_WAIT_MS = 50;
    private static final int MAX_COMMAND_LENGTH = 256;
    private static final int STATUS_FLAGS = 0x04;

    private final Path device;
    private final SimulatorOptions options;
    private final CircularBuffer buffer;
    private final MessageSource messages;
    private final SimulatedClock clock;
    private final Random garbageRandom;
    private final BoardMessageCodec codec = BoardMessageCodec.standard();
    private final ScheduledExecutorService generator;
    private final Thread server;
    private final AtomicLong generated = new AtomicLong();
    private final AtomicLong transmitted = new AtomicLong();
    private final AtomicLong garbage = new AtomicLong();
    private final AtomicLong opens = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean logging;
    private volatile long logStartNanos;
    private volatile String lastCommand = "";
    private volatile FileChannel channel;

    private PtyBoardServer(Path device, SimulatorOptions options, MessageSource messages, SimulatedClock clock) {
        this.device = device;
        this.options = options;
        this.clock = clock;
        this.buffer = new CircularBuffer(options.bufferSize());
        this.messages = messages;
        this.garbageRandom = new Random(options.seed() + 1);
        this.generator = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "blitz-simulator-generator-" + device));
        this.server = daemon(this::serve, "blitz-simulator-" + device);
    }

    public static PtyBoardServer start(Path device, SimulatorOptions options, SimulatedClock clock) {
        return start(device, options, new SignalSource(options), clock);
    }

    /** Serves a board that sends the lines of a replay file (see {@link LineReplay}) instead of generated signals. */
    public static PtyBoardServer replay(Path device, SimulatorOptions options, LineReplay lines) {
        return start(device, options, lines, new SimulatedClock(SimulatedClock.Settings.ideal()));
    }

    private static PtyBoardServer start(Path device, SimulatorOptions options, MessageSource messages, SimulatedClock clock) {
        PtyBoardServer board = new PtyBoardServer(device, options, messages, clock);
        board.generator.scheduleAtFixedRate(board::generate, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        board.server.start();
        return board;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public SimulatorOptions options() {
        return options;
    }

    @Override
    public SimulatedClock clock() {
        return clock;
    }

    @Override
    public long logStartNanos() {
        return logStartNanos;
    }

    @Override
    public boolean logging() {
        return logging;
    }

    @Override
    public long generated() {
        return generated.get();
    }

    @Override
    public long transmitted() {
        return transmitted.get();
    }

    @Override
    public long overwritten() {
        return buffer.overwritten();
    }

    @Override
    public long garbageLines() {
        return garbage.get();
    }

    @Override
    public String lastCommand() {
        return lastCommand;
    }

    @Override
    public long opens() {
        return opens.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        generator.shutdownNow();
        FileChannel open = channel;
        if (open != null) {
            open.close();
        }
        server.interrupt();
        try {
            server.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Generates the messages due since logging started, at the configured rate. */
    private void generate() {
        if (!logging) {
            return;
        }
        synchronized (generated) {
            double seconds = (System.nanoTime() - logStartNanos) / 1e9;
            long due = (long) (seconds * options.messagesPerSecond());
            while (logging && generated.get() < due) {
                long sequence = generated.getAndIncrement();
                double at = sequence / options.messagesPerSecond();
                BoardMessage message = messages.message(sequence, at, clock.stamp(at));
                if (options.numbered()) {
                    message = NumberedMessages.number(message, sequence & NumberedMessages.SEQUENCE_MASK);
                }
                buffer.add(codec.encode(message));
            }
        }
    }

    private void serve() {
        LineSplitter splitter = new LineSplitter(MAX_COMMAND_LENGTH, this::handleSafely);
        ByteBuffer in = ByteBuffer.allocate(4096);
        while (!closed) {
            try (FileChannel open = openWhenPresent()) {
                channel = open;
                opens.incrementAndGet();
                splitter.reset();
                while (!closed) {
                    in.clear();
                    if (open.read(in) < 0) {
                        throw new EOFException(device + " closed");
                    }
                    in.flip();
                    splitter.feed(in);
                }
            } catch (ClosedChannelException e) {
                // closed by close(), or the device vanished: the loop decides
            } catch (IOException | UncheckedIOException e) {
                // the pty went away (socat stopped): wait for it to come back
                pause(REOPEN_WAIT_MS);
            } finally {
                channel = null;
            }
        }
    }

    private FileChannel openWhenPresent() throws IOException {
        while (!closed) {
            if (Files.exists(device)) {
                try {
                    return FileChannel.open(device, StandardOpenOption.READ, StandardOpenOption.WRITE);
                } catch (IOException e) {
                    // the link exists but its pty is not ready yet
                }
            }
            pause(REOPEN_WAIT_MS);
        }
        throw new ClosedChannelException();
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void handleSafely(String line) {
        try {
            handle(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(String line) throws IOException {
        if (line.length() < ShortMessage.LENGTH) {
            reply(ShortCode.ERROR_TOO_SHORT);
            return;
        }
        ShortMessage command;
        try {
            command = ShortMessage.parse(line.subSequence(0, ShortMessage.LENGTH));
        } catch (MalformedLineException e) {
            reply(ShortCode.ERROR_UNKNOWN_MESSAGE);
            return;
        }
        if (command.is(ShortCode.ID_REQUEST)) {
            lastCommand = line;
            reply(ShortCode.ID_REPLY);
            return;
        }
        if (command.boardId() != options.boardId()) {
            return;
        }
        if (!command.is(ShortCode.TRANSMIT)) {
            lastCommand = line;
        }
        switch (command.knownCode().orElse(ShortCode.ERROR_UNKNOWN_MESSAGE)) {
        case START -> {
            startLogging();
            reply(ShortCode.ACK);
        }
        case STOP -> {
            logging = false;
            reply(ShortCode.ACK);
        }
        case TRANSMIT -> transmit();
        case STATUS_REQUEST -> write(List.of(status()));
        case SET_SPEED, SET_ANGLE, MOTOR_HOME, CALIBRATION_STEP -> reply(ShortCode.ACK);
        case ACK -> {
            // nothing to answer
        }
        default -> reply(command.code() >= 0x80 && command.code() <= 0x9F ? ShortCode.ERROR_UNKNOWN_INSTRUCTION
                : ShortCode.ERROR_UNKNOWN_MESSAGE);
        }
    }

    /** START while logging keeps the session running (clock, buffer, numbering), as after a replug. */
    private void startLogging() {
        synchronized (generated) {
            if (!logging) {
                buffer.clear();
                generated.set(0);
                logStartNanos = System.nanoTime();
                logging = true;
            }
        }
    }

    private void transmit() throws IOException {
        if (!logging) {
            reply(ShortCode.ERROR_NOT_LOGGING);
            return;
        }
        boolean overflowed = buffer.overflowedSinceTake();
        List<String> messages = buffer.takeAll();
        StringBuilder out = new StringBuilder(messages.size() * 40 + 16);
        if (overflowed && options.reportOverflow()) {
            out.append(shortLine(ShortCode.ERROR_SERIAL_BUFFER_FULL)).append("\r\n");
        }
        for (String message : messages) {
            if (options.garbageFraction() > 0 && garbageRandom.nextDouble() < options.garbageFraction()) {
                out.append(junk()).append("\r\n");
                garbage.incrementAndGet();
            }
            out.append(message).append("\r\n");
        }
        out.append(shortLine(ShortCode.ACK)).append("\r\n");
        writeRaw(out.toString());
        transmitted.addAndGet(messages.size());
    }

    /** A junk line that is neither a board message nor a short message, and never contains CR or LF. */
    private String junk() {
        return switch (garbageRandom.nextInt(3)) {
        case 0 -> "xx!garbage-" + garbage.get();
        case 1 -> "0A1B2";
        default -> {
            char[] noise = new char[10 + garbageRandom.nextInt(30)];
            for (int i = 0; i < noise.length; i++) {
                char c;
                do {
                    c = (char) (1 + garbageRandom.nextInt(254));
                } while (c == '\r' || c == '\n' || Character.digit(c, 16) >= 0);
                noise[i] = c;
            }
            yield new String(noise);
        }
        };
    }

    private String status() {
        long elapsed = logging ? (System.nanoTime() - logStartNanos) / 1_000_000 : 0;
        long bits = (logging ? 1L : 0L) << 63 | (long) (buffer.size() & 0x3FF) << 53;
        byte[] payload = new byte[8];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (bits >>> (8 * (7 - i)));
        }
        return codec.encode(new BoardMessage(options.boardId(), MessageType.INSTRUCTION, STATUS_FLAGS,
                elapsed & NumberedMessages.SEQUENCE_MASK, payload, 64));
    }

    private String shortLine(ShortCode code) {
        return ShortMessage.of(options.boardId(), code).encode();
    }

    private void reply(ShortCode code) throws IOException {
        write(List.of(shortLine(code)));
    }

    private void write(List<String> lines) throws IOException {
        writeRaw(String.join("\r\n", lines) + "\r\n");
    }

    private void writeRaw(String text) throws IOException {
        FileChannel open = channel;
        if (open == null) {
            throw new ClosedChannelException();
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        while (bytes.hasRemaining()) {
            open.write(bytes);
        }
    }
}
