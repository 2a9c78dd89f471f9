// SPDX-License-Identifier: EPL-2.0
package blitz.simulator.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Locale;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.DataFolder;
import blitz.simulator.BoardKind;
import blitz.simulator.BoardSimulator;
import blitz.simulator.SignalShape;
import blitz.simulator.SimulatedClock;
import blitz.simulator.SimulatedPort;
import blitz.simulator.SimulatorOptions;
import blitz.simulator.SocatPtyPair;

/**
 * "A simulated board" for demos and the runtime product: a configuration with PID
 * {@code blitz.simulator} (or a factory configuration of it, one board each) makes a socat pty pair,
 * serves the board end with a {@link BoardSimulator} and registers a {@link SimulatedPort} whose
 * {@link SimulatedPort#HOST_PORT} property names the end a serial port configuration points at.
 * When socat dies, a new pty pair is made on the same links after {@code ptyRecreateDelayMs}.
 */
@Component(configurationPid = "blitz.simulator", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = SimulatorComponent.Config.class)
public final class SimulatorComponent {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorComponent.class);
    private static final long PTY_WATCH_PERIOD_MS = 100;

    /** Configuration (PID {@code blitz.simulator}). */
    @ObjectClassDefinition(id = "blitz.simulator", name = "Blitz board simulator",
            description = "A simulated BlitzExpansion board on a socat pty pair; point a blitz.serial.port configuration at the registered host end.")
    public @interface Config {
        @AttributeDefinition(name = "Board id", min = "0", max = "255", description = "Id the board answers the ID request with.")
        int boardId() default 8;

        /** BASIC_ADC (board 8 layout) or MOTOR (board 9 layout). */
        @AttributeDefinition(name = "Payload layout", description = "Board 8 (five 12-bit ADC channels) or board 9 (motor).",
                options = { @Option(label = "Basic ADC board (8)", value = "BASIC_ADC"), @Option(label = "Motor board (9)", value = "MOTOR") })
        String boardKind() default "BASIC_ADC";

        @AttributeDefinition(name = "Messages per second", description = "Messages generated while logging.")
        double messagesPerSecond() default 10;

        @AttributeDefinition(name = "Buffer size", min = "1", description = "Messages buffered between TRANSMIT polls; the oldest is overwritten when full.")
        int bufferSize() default 180;

        @AttributeDefinition(name = "Numbered messages", description = "Send type 7 EXTENDED messages with a 32-bit sequence number.")
        boolean numbered() default false;

        @AttributeDefinition(name = "Garbage fraction", description = "0..1: chance of a junk line before each message (for tests).")
        double garbageFraction() default 0;

        @AttributeDefinition(name = "Report overflow", description = "Start a TRANSMIT reply with <id>62 when messages were overwritten.")
        boolean reportOverflow() default false;

        /** Comma-separated shapes per variable: sine, ramp, noise, constant. */
        @AttributeDefinition(name = "Signal shapes", description = "Comma-separated shape per variable: sine, ramp, noise, constant.")
        String shapes() default "sine,ramp,noise,constant";

        @AttributeDefinition(name = "Signal period (s)", description = "Period of the sine and ramp shapes.")
        double periodSeconds() default 10;

        /** Where the pty links go; empty = {@code <blitz.data>/simulator/board-<boardId>}, this runtime's own. */
        @AttributeDefinition(name = "Link directory",
                description = "Folder of the pty links host and board; empty = simulator/board-<id> in the runtime's data folder.")
        String linkDirectory() default "";

        /** A file of raw board lines the board sends in turn instead of generated signals; empty = generate. */
        @AttributeDefinition(name = "Replay file",
                description = "File of raw board lines (one hex line each, any board id, # comments) sent in turn instead of generated signals; empty = generated signals.")
        String replayFile() default "";

        /** When socat dies (the "adapter" is pulled), a new pty pair after this delay; negative: never. */
        @AttributeDefinition(name = "Pty recreate delay (ms)",
                description = "When socat dies (an unplugged adapter), a new pty pair is made on the same links after this delay; negative: never.")
        long ptyRecreateDelayMs() default 1_000;

        @AttributeDefinition(name = "Clock drift (ppm)", description = "How much faster the board's crystal runs than true time (negative: slower).")
        double clockDriftPpm() default 0;

        @AttributeDefinition(name = "Clock jitter (ms)", min = "0", description = "Each timestamp is off by up to this much either way.")
        double clockJitterMs() default 0;

        @AttributeDefinition(name = "Clock reset after (s)", description = "The board resets once, this long after logging starts (its clock restarts at 0); 0: never.")
        double clockResetAfterSeconds() default 0;

        @AttributeDefinition(name = "Clock start (ms)", min = "0", max = "4294967295",
                description = "The board's count when logging starts; 4294907296 wraps the 32-bit timestamp a minute in.")
        long clockStartMillis() default 0;
    }

    private final SocatPtyPair pty;
    private final BoardSimulator board;
    private final ServiceRegistration<SimulatedPort> registration;
    private final Thread ptyWatch;

    @Activate
    public SimulatorComponent(BundleContext context, Config config) throws IOException {
        SimulatorOptions options = new SimulatorOptions(config.boardId(),
                BoardKind.valueOf(config.boardKind().trim().toUpperCase(Locale.ROOT)), config.messagesPerSecond(),
                config.bufferSize(), config.numbered(), config.garbageFraction(), config.reportOverflow(),
                Arrays.stream(config.shapes().split(",")).map(s -> SignalShape.valueOf(s.trim().toUpperCase(Locale.ROOT)))
                        .toList(),
                config.periodSeconds(), 1);
        Path directory = config.linkDirectory().isBlank() ? defaultLinks(config.boardId()) : Path.of(config.linkDirectory());
        pty = new SocatPtyPair(directory).start();
        SimulatedClock clock = new SimulatedClock(SimulatedClock.Settings.of(config.clockDriftPpm(), config.clockJitterMs(),
                config.clockResetAfterSeconds(), config.clockStartMillis(), config.boardId()));
        board = config.replayFile().isBlank() ? BoardSimulator.serve(pty.boardEnd(), options, clock)
                : replay(pty, options, Path.of(config.replayFile()));
        LOG.info("simulated board {} on pty links {} (host) and {} (board){}", config.boardId(), pty.hostEnd(), pty.boardEnd(),
                config.replayFile().isBlank() ? "" : ", replaying " + config.replayFile());
        Path hostPort = pty.hostEnd();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(SimulatedPort.HOST_PORT, hostPort.toString());
        properties.put("blitz.simulator.boardId", config.boardId());
        registration = context.registerService(SimulatedPort.class, new SimulatedPort() {
            @Override
            public Path hostPort() {
                return hostPort;
            }

            @Override
            public BoardSimulator board() {
                return board;
            }
        }, properties);
        ptyWatch = config.ptyRecreateDelayMs() < 0 ? null : startPtyWatch(config.ptyRecreateDelayMs());
    }

    /** The links of this runtime's board: under its data folder, so that two runtimes never share them. */
    static Path defaultLinks(int boardId) {
        return DataFolder.root().resolve("simulator").resolve("board-" + boardId);
    }

    /** A bad replay file stops socat again, so that a refused configuration leaves nothing running. */
    private static BoardSimulator replay(SocatPtyPair pty, SimulatorOptions options, Path file) throws IOException {
        try {
            return BoardSimulator.replay(pty.boardEnd(), options, file);
        } catch (IOException | IllegalArgumentException e) {
            pty.stop();
            throw e;
        }
    }

    /**
     * Plugs the adapter in again: when socat is gone, waits {@code delayMs} and makes a new pty pair on
     * the same links. The board reopens its end by itself; the serial port reconnects to the host end.
     */
    private Thread startPtyWatch(long delayMs) {
        Thread watch = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(PTY_WATCH_PERIOD_MS);
                    if (!pty.running()) {
                        LOG.warn("socat of {} is gone; new pty pair in {} ms", pty.hostEnd(), delayMs);
                        Thread.sleep(delayMs);
                        recreatePty();
                    }
                }
            } catch (InterruptedException e) {
                // deactivated
            }
        }, "simulator-pty-watch " + pty.hostEnd());
        watch.setDaemon(true);
        watch.start();
        return watch;
    }

    private void recreatePty() {
        try {
            pty.start();
            LOG.info("new pty pair on {}", pty.hostEnd());
        } catch (IOException e) {
            LOG.warn("cannot make a new pty pair on {}: {}; trying again", pty.hostEnd(), e.getMessage());
        }
    }

    @Deactivate
    public void deactivate() throws IOException, InterruptedException {
        if (ptyWatch != null) {
            ptyWatch.interrupt();
            ptyWatch.join(5_000);
        }
        registration.unregister();
        board.close();
        pty.stop();
    }
}
