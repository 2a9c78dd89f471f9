// SPDX-License-Identifier: EPL-2.0
package blitz.serial.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import blitz.codec.BoardCommand;
import blitz.codec.BoardMessageCodec;
import blitz.codec.ShortCode;
import blitz.model.message.BoardMessage;
import blitz.model.source.CommandResult;
import blitz.model.source.LossEvent;
import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.source.support.PolledSource;
import blitz.source.support.SourceCounters;
import blitz.source.support.SourceSettings;

/**
 * One serial port with an expansion board, read with the original's {@link HostProtocol}: the
 * transport (jSerialComm, see {@link SerialLink}) under the lifecycle of {@link PolledSource}. One
 * instance per factory configuration of {@code blitz.serial.port} ({@link Config},
 * {@code docs/serial.md}).
 *
 * <p>Reads come in short slices that watch the stop, so a stop never closes the port under the worker:
 * the worker drains (a last TRANSMIT), sends STOP and closes the port itself. The port is lost when a
 * read or write fails, jSerialComm reports its disconnect, or no byte came for the silence timeout.
 * Exchanges on the port (polls, commands) are serialised by one lock.
 */
@Component(configurationPid = "blitz.serial.port", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = MessageSource.class)
@Designate(ocd = SerialPortSource.Config.class, factory = true)
public final class SerialPortSource extends PolledSource {

    /** Configuration of one port. */
    @ObjectClassDefinition(id = "blitz.serial.port", name = "Blitz serial port",
            description = "One serial port with a BlitzExpansion board, read with the original's host protocol"
                    + " (ID handshake, START, TRANSMIT polling, STOP).")
    public @interface Config {
        @AttributeDefinition(name = "Port",
                description = "Device path (/dev/ttyUSB0), a stable link (/dev/serial/by-id/...), or a socat pty link.")
        String port();

        @AttributeDefinition(name = "Baud rate", min = "1", description = "57600 as the original and the firmware example.")
        int baud() default 57600;

        @AttributeDefinition(name = "Poll period (ms)", min = "1",
                description = "Time between two TRANSMIT requests; 1000 as the original. Lower it (e.g. 50) for fast"
                        + " boards or small board buffers.")
        int pollPeriodMs() default 1000;

        @AttributeDefinition(name = "Silence timeout (ms)", min = "1",
                description = "The port is closed and reopened when no byte arrived for this long (raised to at least"
                        + " two poll periods plus the reply timeout).")
        int silenceTimeoutMs() default 5000;

        @AttributeDefinition(name = "Longest line", min = "28", description = "Longer lines are discarded and counted as bad lines.")
        int maxLineLength() default BoardMessageCodec.DEFAULT_MAX_HEX_LENGTH;

        @AttributeDefinition(name = "Reply timeout (ms)", min = "1",
                description = "How long the board may stay quiet in a reply (the original's 3 s read timeout).")
        int replyTimeoutMs() default 3000;

        @AttributeDefinition(name = "Longest reconnect delay (ms)", min = "100",
                description = "Reconnect attempts start 100 ms apart and double up to this delay.")
        int reconnectMaxDelayMs() default 1000;

        @AttributeDefinition(name = "Stop timeout (ms)", min = "1",
                description = "Longest time a stop lets the last TRANSMIT (the drain) and STOP take; a longer drain is"
                        + " cut short and logged. Once a stop is asked for, the board may stay quiet for at most 500 ms"
                        + " per reply.")
        int stopTimeoutMs() default 3000;

        @AttributeDefinition(name = "Source id", description = "Id of the source in the runtime; empty = the port.")
        String id() default "";
    }

    private final String port;
    private final int baud;
    private final long pollPeriodMs;
    private final long silenceTimeoutMs;
    private final long replyTimeoutMs;
    private final int maxLineLength;
    private final HostProtocol protocol;
    private final ReentrantLock exchangeLock = new ReentrantLock();

    /** The open port and its board while connected; changed under the exchange lock. */
    private volatile SerialLink link;
    private volatile int boardId;

    @Activate
    public SerialPortSource(Config config) {
        super(settings(config));
        this.port = portOf(config);
        this.baud = config.baud();
        this.pollPeriodMs = config.pollPeriodMs();
        this.replyTimeoutMs = config.replyTimeoutMs();
        this.silenceTimeoutMs = Math.max(config.silenceTimeoutMs(), 2L * config.pollPeriodMs() + config.replyTimeoutMs());
        this.maxLineLength = config.maxLineLength();
        this.protocol = new HostProtocol(port, maxLineLength, replyTimeoutMs, new ProtocolReceiver());
    }

    private static SourceSettings settings(Config config) {
        String port = portOf(config);
        String id = config.id() == null || config.id().isBlank() ? port : config.id().trim();
        return new SourceSettings(id, "serial port " + port, "blitz-serial-" + port,
                TimeUnit.MILLISECONDS.toNanos(Math.max(1, config.pollPeriodMs())), config.reconnectMaxDelayMs(),
                config.stopTimeoutMs(), validate(config));
    }

    private static String portOf(Config config) {
        return config.port() == null ? "" : config.port().trim();
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
    public String description() {
        return "serial port " + port + " at " + baud + " baud, polled every " + pollPeriodMs + " ms";
    }

    @Deactivate
    public void deactivate() {
        stop();
    }

    /** Opens the port, asks for the board id and starts the board. */
    @Override
    protected Set<Integer> connect() throws IOException {
        SerialLink opened = SerialLink.open(port, baud, maxLineLength, counters()::bytes);
        exchangeLock.lock();
        try {
            link = opened;
            boardId = protocol.identify(opened);
            protocol.start(opened, boardId);
            return Set.of(boardId);
        } finally {
            exchangeLock.unlock();
        }
    }

    /** One TRANSMIT; a board that forgot it was logging (reset, {@code 66}) gets START again. */
    @Override
    protected void exchange() throws IOException {
        exchangeLock.lock();
        try {
            SerialLink open = link;
            long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - open.lastByteNanos());
            if (silentMs > silenceTimeoutMs) {
                throw new PortLostException("no byte from " + port + " for " + silentMs + " ms");
            }
            if (protocol.transmit(open, boardId) == ShortCode.ERROR_NOT_LOGGING) {
                protocol.start(open, boardId);
            }
        } finally {
            exchangeLock.unlock();
        }
    }

    /** The original's drain: one last TRANSMIT, then STOP. */
    @Override
    protected void drain() throws IOException {
        exchangeLock.lock();
        try {
            if (protocol.transmit(link, boardId) == null) {
                drainCutShort(protocol.quietReason(boardId, "end the last TRANSMIT"));
            }
            protocol.stop(link, boardId);
        } finally {
            exchangeLock.unlock();
        }
    }

    @Override
    protected void hangUp() {
        exchangeLock.lock();
        SerialLink open = link;
        link = null;
        exchangeLock.unlock();
        if (open != null) {
            open.close();
        }
    }

    /** Waits for the poll in progress, writes the padded command and waits for the board's ACK. Never throws. */
    @Override
    public CommandResult sendCommand(int board, String hexCommand) {
        if (!boardIds().contains(board)) {
            return CommandResult.failed("no board " + HostProtocol.hex2(board) + " on " + port + " (boards here: "
                    + boardIds() + ")");
        }
        String line;
        try {
            line = BoardCommand.format(board, hexCommand == null ? "" : hexCommand.replace(" ", ""));
        } catch (IllegalArgumentException e) {
            return CommandResult.failed(e.getMessage());
        }
        try {
            if (!exchangeLock.tryLock(pollPeriodMs + 2 * replyTimeoutMs, TimeUnit.MILLISECONDS)) {
                return CommandResult.failed("port " + port + " busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandResult.failed("interrupted");
        }
        try {
            SerialLink open = link;
            if (open == null || state() != SourceState.RUNNING) {
                return CommandResult.failed("port " + port + " not connected (" + state() + ")");
            }
            String reply = protocol.command(open, board, line);
            return reply == null ? CommandResult.ack() : CommandResult.failed(reply);
        } catch (IOException e) {
            counters().lastError(e.getMessage());
            return CommandResult.failed(e.getMessage());
        } finally {
            exchangeLock.unlock();
        }
    }

    /** The source as the protocol sees it. */
    private final class ProtocolReceiver implements HostProtocol.Receiver {
        @Override
        public boolean stopping() {
            return SerialPortSource.this.stopping();
        }

        @Override
        public boolean stopTimeUp() {
            return SerialPortSource.this.stopTimeUp();
        }

        @Override
        public void deliver(String line) {
            SerialPortSource.this.deliver(line);
        }

        @Override
        public void badLine(int board, String detail) {
            SerialPortSource.this.badLine(board, detail);
        }

        @Override
        public void loss(LossEvent.Kind kind, int board, long count, String detail) {
            reportLoss(kind, board, count, detail);
        }

        @Override
        public SourceCounters counters() {
            return SerialPortSource.this.counters();
        }
    }
}
