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
 */
@Component(configurationPid = "blitz.simulator", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
public final class SimulatorComponent {

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
    }

    private final SocatPtyPair pty;
    private final BoardSimulator board;
    private final ServiceRegistration<SimulatedPort> registration;

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
    }

    @Deactivate
    public void deactivate() throws IOException {
        registration.unregister();
        board.close();
        pty.stop();
    }
}
