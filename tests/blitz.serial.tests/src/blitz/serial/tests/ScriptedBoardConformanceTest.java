// SPDX-License-Identifier: EPL-2.0
package blitz.serial.tests;

import java.io.IOException;
import java.util.Map;

import blitz.source.conformance.MessageSourceConformance;
import blitz.source.conformance.SourceCheck;
import blitz.source.conformance.SourceDevice;

/**
 * The message source conformance kit on the serial source (created by DS from a ConfigAdmin
 * configuration) reading a scripted board ({@link MutableBoard}) through a socat pty pair. The held
 * sink check runs with stopTimeoutMs 1000, the others with the default 3000.
 */
class ScriptedBoardConformanceTest extends MessageSourceConformance {

    @Override
    protected SourceDevice device(SourceCheck check) throws Exception {
        Map<String, Object> properties = check == SourceCheck.STOP_WITH_HELD_SINK
                ? Map.of("pollPeriodMs", 50, "stopTimeoutMs", 1000)
                : Map.of("pollPeriodMs", 50);
        PtySourceDevice device = new PtySourceDevice("scripted-" + check, properties, ScriptedBoard::new);
        if (check == SourceCheck.STOP_WHILE_CONNECTING) {
            device.answering(false); // the ID request stays unanswered
        }
        return device;
    }

    /** {@link MutableBoard} as the kit drives it. */
    private static final class ScriptedBoard implements PtySourceDevice.Board {
        private final MutableBoard board;

        ScriptedBoard(PtyPair pty) throws IOException {
            board = new MutableBoard(pty.boardEnd());
        }

        @Override
        public void answering(boolean on) {
            board.answering(on);
        }

        @Override
        public long sent() {
            return board.sent();
        }

        @Override
        public boolean sendGarbage() {
            board.sendGarbage();
            return true;
        }

        @Override
        public void replugged() throws IOException {
            board.reopen();
        }

        @Override
        public void close() throws IOException {
            board.close();
        }
    }
}
