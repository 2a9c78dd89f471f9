// SPDX-License-Identifier: EPL-2.0
package blitz.simulator.internal;

import java.util.List;
import java.util.Random;

import blitz.model.message.BoardMessage;
import blitz.model.message.MessageType;
import blitz.simulator.BoardKind;
import blitz.simulator.SignalShape;
import blitz.simulator.SimulatorOptions;

/** Makes a simulated board's data messages from its signal shapes: a 64-bit payload at a given time. Not thread-safe. */
final class SignalSource implements MessageSource {
    static final int PAYLOAD_BITS = 64;

    private final int boardId;
    private final BoardKind kind;
    private final List<SignalShape> shapes;
    private final double periodSeconds;
    private final Random random;

    SignalSource(SimulatorOptions options) {
        this.boardId = options.boardId();
        this.kind = options.kind();
        this.shapes = options.shapes();
        this.periodSeconds = options.periodSeconds();
        this.random = new Random(options.seed());
    }

    @Override
    public BoardMessage message(long sequence, double seconds, long timestamp) {
        return new BoardMessage(boardId, MessageType.DATA, 0, timestamp, payload(seconds), PAYLOAD_BITS);
    }

    /** @return the payload bytes, variables packed most significant bit first, zero padded */
    byte[] payload(double seconds) {
        long bits = 0;
        int width = kind.bitsPerVariable();
        for (int i = 0; i < kind.variables(); i++) {
            // each variable runs a little behind the previous one, so equal shapes do not overlap on a chart
            double phase = (seconds / periodSeconds + (double) i / kind.variables()) % 1.0;
            long value = Math.round(shapes.get(i % shapes.size()).at(phase, random) * kind.fullScale());
            bits |= value << (PAYLOAD_BITS - width * (i + 1));
        }
        byte[] payload = new byte[PAYLOAD_BITS / 8];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (bits >>> (8 * (payload.length - 1 - i)));
        }
        return payload;
    }
}
