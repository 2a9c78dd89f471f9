package blitz.simulator.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Locale;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

import blitz.simulator.BoardKind;
import blitz.simulator.BoardSimulator;
import blitz.simulator.SignalShape;
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
public final class SimulatorComponent {
    private static final Logger LOG = Logger.getLogger(SimulatorComponent.class.getName());
    private static final long PTY_WATCH_PERIOD_MS = 100;

    /** Configuration; described for tools in OSGI-INF/metatype/simulator.xml. */
    public @interface Config {
        int boardId() default 8;

        /** BASIC_ADC (board 8 layout) or MOTOR (board 9 layout). */
        String boardKind() default "BASIC_ADC";

        double messagesPerSecond() default 10;

        int bufferSize() default 180;

        boolean numbered() default false;

        double garbageFraction() default 0;

        boolean reportOverflow() default false;

        /** Comma-separated shapes per variable: sine, ramp, noise, constant. */
        String shapes() default "sine,ramp,noise,constant";

        double periodSeconds() default 10;

        /** Where the pty links go; empty = {@code <java.io.tmpdir>/blitz-simulator-<boardId>}. */
        String linkDirectory() default "";

        /** When socat dies (the "adapter" is pulled), a new pty pair after this delay; negative: never. */
        long ptyRecreateDelayMs() default 1_000;
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
        Path directory = config.linkDirectory().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "blitz-simulator-" + config.boardId())
                : Path.of(config.linkDirectory());
        pty = new SocatPtyPair(directory).start();
        board = BoardSimulator.serve(pty.boardEnd(), options);
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
                        LOG.warning("socat of " + pty.hostEnd() + " is gone; new pty pair in " + delayMs + " ms");
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
            LOG.info("new pty pair on " + pty.hostEnd());
        } catch (IOException e) {
            LOG.warning("cannot make a new pty pair on " + pty.hostEnd() + ": " + e.getMessage() + "; trying again");
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
