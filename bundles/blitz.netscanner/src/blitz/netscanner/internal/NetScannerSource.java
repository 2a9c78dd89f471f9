// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import blitz.model.source.CommandResult;
import blitz.model.source.MessageSource;
import blitz.source.support.LinePreview;
import blitz.source.support.PolledSource;
import blitz.source.support.SourceSettings;

/**
 * One NetScanner 9116 / 9IFC pressure scanner on Ethernet, read as the original server's
 * {@code NetScannerManager} did: TCP to the device, the init sequence {@code A} (NOP), {@code B}
 * (reset), {@code v01101 6.894757} (units kPa), one command per reply, then {@code rFFFF0} (all 16
 * channels) at {@code rateHz}. Each reply of 16 numbers becomes one synthetic board line (see
 * {@link ScanMessage}) for board 10 or 11, stamped with the milliseconds since {@link #start}. The
 * lifecycle is {@link PolledSource}'s; one instance per factory configuration of
 * {@code blitz.netscanner} ({@link Config}, {@code docs/serial.md}).
 *
 * <p>The scanner buffers nothing, so the drain of a stop is the reading already asked for: the stop
 * lets it come in and delivers it. Otherwise a stop closes the socket ({@link #cutOff()}), which ends a
 * connect, an init command or a read at once. {@code maxRetries} unanswered requests in a row count as a
 * lost connection.
 */
@Component(configurationPid = "blitz.netscanner", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = MessageSource.class)
@Designate(ocd = NetScannerSource.Config.class, factory = true)
public final class NetScannerSource extends PolledSource {

    /** Configuration of one scanner. */
    @ObjectClassDefinition(id = "blitz.netscanner", name = "Blitz NetScanner",
            description = "One NetScanner 9116 / 9IFC pressure scanner on Ethernet, read as the original (init A, B,"
                    + " kPa units, then rFFFF0); each reading of 16 channels becomes one message of board 10 or 11.")
    public @interface Config {
        @AttributeDefinition(name = "Host", description = "Host name or IP address of the scanner.")
        String host();

        @AttributeDefinition(name = "TCP port", min = "1", max = "65535", description = "9000 as the device and the original.")
        int port() default 9000;

        @AttributeDefinition(name = "Board id", min = "0", max = "255",
                description = "Board id of the messages: 10 (0x0A, Channel_1..16) for the first scanner, 11 (0x0B,"
                        + " Channel_17..32) for the second.")
        int boardId() default 10;

        @AttributeDefinition(name = "Readings per second", min = "0.001", max = "1000", description = "2 as the original.")
        double rateHz() default 2.0;

        @AttributeDefinition(name = "Timeout (ms)", min = "1",
                description = "Connect timeout and how long the scanner may take to answer one command (the original's 5 s).")
        int timeoutMs() default 5000;

        @AttributeDefinition(name = "Retries", min = "0",
                description = "Unanswered requests in a row tolerated before the connection is closed and opened again"
                        + " (the original's MAX_RETRIES).")
        int maxRetries() default 10;

        @AttributeDefinition(name = "Longest reconnect delay (ms)", min = "100",
                description = "Reconnect attempts start 100 ms apart and double up to this delay.")
        int reconnectMaxDelayMs() default 5000;

        @AttributeDefinition(name = "Stop timeout (ms)", min = "1",
                description = "Longest time a stop waits for the reply to a reading already asked for; a scanner that"
                        + " has not answered by then is cut off (a warning). A stop returns within this + 500 ms.")
        int stopTimeoutMs() default 1000;

        @AttributeDefinition(name = "Source id", description = "Id of the source in the runtime; empty = netscanner:host:port.")
        String id() default "";
    }

    /** The original's init sequence, one command per reply. */
    static final List<String> INIT_SEQUENCE = List.of("A", "B", "v01101 6.894757");
    /** Read all 16 channels, decimal. */
    static final String READ_ALL = "rFFFF0";

    private final String host;
    private final int port;
    private final int boardId;
    private final double rateHz;
    private final int timeoutMs;
    private final int maxRetries;

    /** The connection of the worker, also closed by stop() to end a blocking call; null between connections. */
    private volatile ScannerLink link;
    /** Unanswered requests in a row; only the worker uses it. */
    private int unanswered;

    @Activate
    public NetScannerSource(Config config) {
        super(settings(config));
        this.host = hostOf(config);
        this.port = config.port();
        this.boardId = config.boardId();
        this.rateHz = config.rateHz();
        this.timeoutMs = config.timeoutMs();
        this.maxRetries = config.maxRetries();
    }

    private static SourceSettings settings(Config config) {
        String address = hostOf(config) + ":" + config.port();
        String id = config.id() == null || config.id().isBlank() ? "netscanner:" + address : config.id().trim();
        String configError = validate(config);
        long periodNanos = configError.isEmpty() ? (long) (TimeUnit.SECONDS.toNanos(1) / config.rateHz()) : 0;
        return new SourceSettings(id, "NetScanner " + address, "blitz-netscanner-" + address, periodNanos,
                config.reconnectMaxDelayMs(), config.stopTimeoutMs(), configError);
    }

    private static String hostOf(Config config) {
        return config.host() == null ? "" : config.host().trim();
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
    public String description() {
        return "NetScanner " + host + ":" + port + " as board " + hex2(boardId) + ", read at " + rateHz + " Hz";
    }

    @Deactivate
    public void deactivate() {
        stop();
    }

    @Override
    public CommandResult sendCommand(int board, String hexCommand) {
        return CommandResult.failed("NetScanner " + host + ":" + port + " (board " + hex2(boardId)
                + ") takes no board commands");
    }

    /** Connects and sends the init commands, each after the previous one was answered (any answer, as the original). */
    @Override
    protected Set<Integer> connect() throws IOException {
        ScannerLink opened = new ScannerLink(host, port, timeoutMs, counters()::bytes);
        link = opened;
        if (stopping()) { // stop() may have looked for the link before it was there
            throw new IOException("stopped while connecting to " + opened.address());
        }
        opened.connect();
        unanswered = 0;
        for (String command : INIT_SEQUENCE) {
            while (request(opened, command) == null) {
                // unanswered: sent again, up to maxRetries times
            }
        }
        return Set.of(boardId);
    }

    /** Asks for all channels and delivers the reading; a stop lets this reading come in. */
    @Override
    protected void exchange() throws IOException {
        String reply = request(link, READ_ALL);
        if (reply != null) {
            reading(reply);
        } else if (stopping()) {
            drainCutShort(counters().lastError());
        }
    }

    /** Nothing: the scanner buffers nothing beyond the reading the last exchange delivered. */
    @Override
    protected void drain() {
        // the reading in flight at stop() was the whole drain
    }

    @Override
    protected void hangUp() {
        cutOff();
        link = null;
    }

    /** Closes the socket: a connect or read in progress fails at once. */
    @Override
    protected void cutOff() {
        ScannerLink open = link;
        if (open != null) {
            open.close();
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
        counters().lastError("no reply to " + command + " from " + open.address() + " within " + timeoutMs + " ms");
        if (++unanswered > maxRetries) {
            throw new ScannerLink.ConnectionLostException("no reply to " + command + " from " + open.address() + " after "
                    + unanswered + " attempts");
        }
        return null;
    }

    private void reading(String reply) {
        if (reply.length() > ScannerLink.MAX_REPLY_BYTES) {
            badLine(boardId, "reply longer than " + ScannerLink.MAX_REPLY_BYTES + " bytes: " + LinePreview.of(reply));
            return;
        }
        String line;
        try {
            line = ScanMessage.encode(boardId, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - runStartedNanos()), reply);
        } catch (ScanMessage.BadReplyException e) {
            badLine(boardId, "not a reading of 16 channels (" + e.getMessage() + "): " + LinePreview.of(reply));
            return;
        }
        deliver(line);
    }

    private static String hex2(int value) {
        return String.format("%02X", value);
    }
}
