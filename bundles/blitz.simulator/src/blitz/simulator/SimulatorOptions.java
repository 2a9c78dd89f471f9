// SPDX-License-Identifier: EPL-2.0
package blitz.simulator;

import java.util.List;
import java.util.Objects;

/**
 * How a simulated board behaves. Use {@link #defaults()} and the {@code with...} methods.
 *
 * @param boardId           the id the board answers with, 0..255 (the firmware example uses 8)
 * @param kind              its payload layout
 * @param messagesPerSecond messages generated per second while logging, &gt; 0
 * @param bufferSize        messages the circular buffer holds between polls (the firmware example: 180)
 * @param numbered          whether messages use the numbered extension (type 7 EXTENDED, 32-bit sequence number)
 * @param garbageFraction   0..1: chance that a junk line is sent before each buffered line on TRANSMIT
 * @param reportOverflow    whether a TRANSMIT reply starts with {@code <id>62} when messages were overwritten
 *                          since the previous TRANSMIT (the firmware loses them silently)
 * @param shapes            the signal shape of each variable, cycled when fewer than the board's variables
 * @param periodSeconds     period of the sine and ramp shapes
 * @param seed              seed of the noise and garbage generators, for repeatable runs
 */
public record SimulatorOptions(int boardId, BoardKind kind, double messagesPerSecond, int bufferSize, boolean numbered,
        double garbageFraction, boolean reportOverflow, List<SignalShape> shapes, double periodSeconds, long seed) {

    public SimulatorOptions {
        if (boardId < 0 || boardId > 0xFF) {
            throw new IllegalArgumentException("boardId must be 0..255: " + boardId);
        }
        Objects.requireNonNull(kind, "kind");
        if (!(messagesPerSecond > 0)) {
            throw new IllegalArgumentException("messagesPerSecond must be positive: " + messagesPerSecond);
        }
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize must be positive: " + bufferSize);
        }
        if (!(garbageFraction >= 0 && garbageFraction <= 1)) {
            throw new IllegalArgumentException("garbageFraction must be 0..1: " + garbageFraction);
        }
        shapes = List.copyOf(shapes);
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("at least one signal shape is needed");
        }
        if (!(periodSeconds > 0)) {
            throw new IllegalArgumentException("periodSeconds must be positive: " + periodSeconds);
        }
    }

    /** @return board 8, ADC layout, 10 messages/s, a 180-message buffer, no numbering, no garbage */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(8, BoardKind.BASIC_ADC, 10, 180, false, 0, false,
                List.of(SignalShape.SINE, SignalShape.RAMP, SignalShape.NOISE, SignalShape.CONSTANT), 10, 1);
    }

    public SimulatorOptions withBoard(int id, BoardKind boardKind) {
        return new SimulatorOptions(id, boardKind, messagesPerSecond, bufferSize, numbered, garbageFraction, reportOverflow,
                shapes, periodSeconds, seed);
    }

    public SimulatorOptions withRate(double perSecond) {
        return new SimulatorOptions(boardId, kind, perSecond, bufferSize, numbered, garbageFraction, reportOverflow, shapes,
                periodSeconds, seed);
    }

    public SimulatorOptions withBuffer(int size, boolean report) {
        return new SimulatorOptions(boardId, kind, messagesPerSecond, size, numbered, garbageFraction, report, shapes,
                periodSeconds, seed);
    }

    public SimulatorOptions withNumbering(boolean on) {
        return new SimulatorOptions(boardId, kind, messagesPerSecond, bufferSize, on, garbageFraction, reportOverflow, shapes,
                periodSeconds, seed);
    }

    public SimulatorOptions withGarbage(double fraction) {
        return new SimulatorOptions(boardId, kind, messagesPerSecond, bufferSize, numbered, fraction, reportOverflow, shapes,
                periodSeconds, seed);
    }

    public SimulatorOptions withShapes(List<SignalShape> signalShapes, double period) {
        return new SimulatorOptions(boardId, kind, messagesPerSecond, bufferSize, numbered, garbageFraction, reportOverflow,
                signalShapes, period, seed);
    }
}
