// SPDX-License-Identifier: EPL-2.0
package blitz.logger.tests;

import static blitz.logger.tests.support.InProcessSource.basicLine;
import static blitz.testing.Osgi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import blitz.logger.LiveValue;
import blitz.logger.LoggingRuntime;
import blitz.logger.tests.support.InProcessSource;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.decoder.VariableSpec;
import blitz.model.message.BoardMessage;
import blitz.testing.Osgi;

/**
 * The live values when boards do not send the same variables in every message, or share a variable
 * name: a variable missing from a board's newest message keeps its older value, and of two boards
 * the one received last gives a shared variable's value.
 */
class LiveValuesTest {
    private static final int VARYING = 0x30;
    private static final int OTHER = 0x31;
    @RegisterExtension
    final Osgi osgi = new Osgi();
    private LoggingRuntime runtime;
    private InProcessSource source;

    /** Board 30 sends "level" and "shared" always, "peak" only when the first channel is 2048 or more; board 31 sends "shared". */
    @BeforeEach
    void boards() {
        runtime = Osgi.await(LoggingRuntime.class);
        osgi.register(BoardDecoder.class, new TestBoard(VARYING), Map.of());
        osgi.register(BoardDecoder.class, new TestBoard(OTHER), Map.of());
        DecoderRegistry registry = Osgi.await(DecoderRegistry.class);
        eventually("test boards registered", () -> registry.decoderFor(VARYING).isPresent() && registry.decoderFor(OTHER).isPresent());
        source = new InProcessSource("live-values", VARYING, OTHER);
        osgi.register(source);
        eventually("source started", source::started);
    }

    @Test
    void aVariableMissingFromTheNewestMessageKeepsItsOlderValue() {
        source.emit(basicLine(VARYING, 100, 3000));
        source.emit(basicLine(VARYING, 200, 5));
        Map<String, LiveValue> live = runtime.live();
        assertEquals(5, live.get("level").value());
        assertEquals(200, live.get("level").boardTime());
        assertEquals(3000, live.get("peak").value(), "kept from the message that had it");
        assertEquals(100, live.get("peak").boardTime());
        source.emit(basicLine(VARYING, 300, 2500));
        source.emit(basicLine(VARYING, 400, 6));
        live = runtime.live();
        assertEquals(2500, live.get("peak").value());
        assertEquals(300, live.get("peak").boardTime());
        assertEquals(6, live.get("level").value());
    }

    @Test
    void aVariableTwoBoardsSendComesFromTheOneReceivedLast() throws InterruptedException {
        source.emit(basicLine(VARYING, 100, 10));
        Thread.sleep(5); // received in a later millisecond
        source.emit(basicLine(OTHER, 100, 20));
        assertEquals(OTHER, runtime.live().get("shared").boardId());
        assertEquals(20, runtime.live().get("shared").value());
        Thread.sleep(5);
        source.emit(basicLine(VARYING, 200, 30));
        assertEquals(VARYING, runtime.live().get("shared").boardId());
        assertEquals(30, runtime.live().get("shared").value());
    }

    private record TestBoard(int boardId) implements BoardDecoder {
        @Override
        public String description() {
            return "live values test board " + boardId;
        }

        @Override
        public List<VariableSpec> variables() {
            return boardId == VARYING ? List.of(new VariableSpec("level", ""), new VariableSpec("peak", ""),
                    new VariableSpec("shared", "")) : List.of(new VariableSpec("shared", ""));
        }

        @Override
        public List<DecodedValue> decode(BoardMessage message) {
            double first = message.unsigned(0, 12);
            if (boardId == OTHER) {
                return List.of(new DecodedValue("shared", first, ""));
            }
            DecodedValue level = new DecodedValue("level", first, "");
            DecodedValue shared = new DecodedValue("shared", first, "");
            return first >= 2048 ? List.of(level, new DecodedValue("peak", first, ""), shared) : List.of(level, shared);
        }
    }
}
