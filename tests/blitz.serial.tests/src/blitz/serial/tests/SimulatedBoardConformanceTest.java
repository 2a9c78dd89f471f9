// SPDX-License-Identifier: EPL-2.0
package blitz.serial.tests;

import java.io.IOException;
import java.util.Map;

import blitz.simulator.BoardSimulator;
import blitz.simulator.SimulatorOptions;
import blitz.source.conformance.MessageSourceConformance;
import blitz.source.conformance.SourceCheck;
import blitz.source.conformance.SourceDevice;

/**
 * The message source conformance kit on the serial source reading the board simulator through a
 * socat pty pair. The simulator cannot hang, so a silent board is a frozen socat (SIGSTOP): the port
 * stays open and nothing passes. The losses check runs with 20 % garbage lines.
 */
class SimulatedBoardConformanceTest extends MessageSourceConformance {
    private static final SimulatorOptions NUMBERED = SimulatorOptions.defaults().withNumbering(true).withRate(200)
            .withBuffer(1000, true);

    @Override
    protected SourceDevice device(SourceCheck check) throws Exception {
        Map<String, Object> properties = check == SourceCheck.STOP_WITH_HELD_SINK
                ? Map.of("pollPeriodMs", 50, "stopTimeoutMs", 1000)
                : Map.of("pollPeriodMs", 50);
        SimulatorOptions options = check == SourceCheck.LOSSES_REPORTED ? NUMBERED.withGarbage(0.2) : NUMBERED;
        PtySourceDevice device = new PtySourceDevice("simulated-" + check, properties, pty -> new SimulatedBoard(pty, options));
        if (check == SourceCheck.STOP_WHILE_CONNECTING) {
            device.answering(false); // the ID request never reaches the board
        }
        return device;
    }

    /** A {@link BoardSimulator} on the board end; silent while socat is frozen. */
    private static final class SimulatedBoard implements PtySourceDevice.Board {
        private final PtyPair pty;
        private final BoardSimulator simulator;
        private final boolean garbage;

        SimulatedBoard(PtyPair pty, SimulatorOptions options) {
            this.pty = pty;
            this.simulator = BoardSimulator.serve(pty.boardEnd(), options);
            this.garbage = options.garbageFraction() > 0;
        }

        @Override
        public void answering(boolean on) throws Exception {
            pty.frozen(!on);
        }

        @Override
        public long sent() {
            return simulator.transmitted();
        }

        /** @return whether the simulator sends garbage lines (it does so by itself) */
        @Override
        public boolean sendGarbage() {
            return garbage;
        }

        @Override
        public void replugged() {
            // the simulator reopens its end by itself
        }

        @Override
        public void close() throws IOException {
            simulator.close();
        }
    }
}
