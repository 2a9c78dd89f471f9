// SPDX-License-Identifier: EPL-2.0
package blitz.serial.tests;

import static blitz.testing.CollectingSink.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import blitz.codec.BoardMessageCodec;
import blitz.codec.NumberedMessages;
import blitz.model.source.CommandResult;
import blitz.model.source.LossEvent;
import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.model.source.SourceStatistics;
import blitz.simulator.BoardKind;
import blitz.simulator.BoardSimulator;
import blitz.simulator.SimulatorOptions;
import blitz.testing.CollectingSink;

/**
 * End to end with real parts: simulator → socat pty → jSerialComm → the serial MessageSource made by
 * DS from a ConfigAdmin configuration → a collecting sink.
 */
class SerialSourceTest {
    private static final SimulatorOptions NUMBERED = SimulatorOptions.defaults().withNumbering(true);

    @Test
    void handshakeFindsTheBoardAndNumberedMessagesAllArriveInOrder() throws Exception {
        try (PtyPair pty = new PtyPair("in-order");
                BoardSimulator board = BoardSimulator.serve(pty.boardEnd(), NUMBERED.withRate(2000).withBuffer(1000, true));
                ConfiguredPort port = new ConfiguredPort(pty.hostEnd().toString(), Map.of("pollPeriodMs", 50))) {
            MessageSource source = port.source;
            CollectingSink sink = new CollectingSink();
            source.start(sink);
            await("RUNNING", 10_000, () -> source.state() == SourceState.RUNNING);
            assertEquals(java.util.Set.of(8), source.boardIds());
            await("2000 messages", 20_000, () -> sink.lineCount() >= 2000);
            source.stop();

            assertEquals(SourceState.STOPPED, source.state());
            assertFalse(board.logging(), "STOP reached the board");
            List<String> lines = sink.lines();
            assertInOrderFromZero(lines);
            assertEquals(board.transmitted(), lines.size(), "everything the board sent arrived (drain before STOP)");
            SourceStatistics statistics = source.statistics();
            assertEquals(lines.size(), statistics.messages());
            assertEquals(0, statistics.badLines());
            assertEquals(0, statistics.gaps());
            assertTrue(sink.losses(LossEvent.Kind.SEQUENCE_GAP).isEmpty());
            assertTrue(statistics.bytes() > lines.size() * 36L, "bytes counted: " + statistics.bytes());
        }
    }

    @Test
    void recoversWhenThePtyIsRemovedAndRecreated() throws Exception {
        try (PtyPair pty = new PtyPair("replug");
                BoardSimulator board = BoardSimulator.serve(pty.boardEnd(), NUMBERED.withRate(200).withBuffer(5000, true));
                ConfiguredPort port = new ConfiguredPort(pty.hostEnd().toString(),
                        Map.of("pollPeriodMs", 50, "reconnectMaxDelayMs", 500))) {
            MessageSource source = port.source;
            CollectingSink sink = new CollectingSink();
            source.start(sink);
            await("first messages", 10_000, () -> sink.lineCount() >= 100);

            pty.unplug();
            await("RECONNECTING", 5_000, () -> source.state() == SourceState.RECONNECTING);
            Thread.sleep(300);
            pty.replug();
            await("RUNNING again", 10_000, () -> source.state() == SourceState.RUNNING);
            int before = sink.lineCount();
            await("messages after the replug", 10_000, () -> sink.lineCount() >= before + 200);
            source.stop();

            List<LossEvent> gaps = sink.losses(LossEvent.Kind.RECONNECT_GAP);
            assertEquals(1, gaps.size(), "one reconnect gap: " + gaps);
            assertEquals(8, gaps.get(0).boardId());
            SourceStatistics statistics = source.statistics();
            assertEquals(1, statistics.reconnects());
            assertTrue(statistics.lastError().contains(pty.hostEnd().toString()), statistics.lastError());
            assertTrue(board.opens() >= 2, "the simulator reopened its end");
            // the board kept numbering across the replug: whatever was lost in the dead pty is a reported gap
            long missing = sink.losses(LossEvent.Kind.SEQUENCE_GAP).stream().mapToLong(LossEvent::count).sum();
            assertEquals(sequence(sink.lines().get(sink.lineCount() - 1)) + 1, sink.lineCount() + missing);
        }
    }

    @Test
    void garbageBetweenLinesIsCountedAndEveryGoodMessageDelivered() throws Exception {
        try (PtyPair pty = new PtyPair("garbage");
                BoardSimulator board = BoardSimulator.serve(pty.boardEnd(), NUMBERED.withRate(500).withBuffer(2000, false)
                        .withGarbage(0.2));
                ConfiguredPort port = new ConfiguredPort(pty.hostEnd().toString(), Map.of("pollPeriodMs", 50))) {
            MessageSource source = port.source;
            CollectingSink sink = new CollectingSink();
            source.start(sink);
            await("1000 messages", 20_000, () -> sink.lineCount() >= 1000);
            source.stop();

            assertInOrderFromZero(sink.lines());
            assertEquals(board.transmitted(), sink.lineCount());
            assertTrue(board.garbageLines() > 50, "garbage was sent: " + board.garbageLines());
            assertEquals(board.garbageLines(), source.statistics().badLines());
            assertEquals(board.garbageLines(), sink.losses(LossEvent.Kind.BAD_LINE).size());
        }
    }

    @Test
    void boardBufferOverflowIsReportedAsErrorAndSequenceGap() throws Exception {
        try (PtyPair pty = new PtyPair("overflow");
                BoardSimulator board = BoardSimulator.serve(pty.boardEnd(), NUMBERED.withRate(500).withBuffer(20, true));
                ConfiguredPort port = new ConfiguredPort(pty.hostEnd().toString(), Map.of("pollPeriodMs", 200))) {
            MessageSource source = port.source;
            CollectingSink sink = new CollectingSink();
            source.start(sink);
            await("a sequence gap", 10_000, () -> !sink.losses(LossEvent.Kind.SEQUENCE_GAP).isEmpty());
            source.stop();

            SourceStatistics statistics = source.statistics();
            assertTrue(statistics.boardErrors().getOrDefault("62", 0L) >= 1, "62 counted: " + statistics.boardErrors());
            assertTrue(sink.losses(LossEvent.Kind.BOARD_ERROR).stream().anyMatch(e -> e.detail().contains("62")));
            long missing = sink.losses(LossEvent.Kind.SEQUENCE_GAP).stream().mapToLong(LossEvent::count).sum();
            assertTrue(missing > 0 && missing <= board.overwritten(), missing + " missing, " + board.overwritten() + " overwritten");
            // numbers overwritten before the first one the host saw cannot be known missing (the tracker's FIRST rule)
            List<String> lines = sink.lines();
            assertEquals(sequence(lines.get(lines.size() - 1)) + 1 - sequence(lines.get(0)), lines.size() + missing,
                    "every number after the first is either delivered or reported missing");
        }
    }

    @Test
    void commandsGetTheirAckAndUnknownBoardsFailWithoutThrowing() throws Exception {
        try (PtyPair pty = new PtyPair("commands");
                BoardSimulator board = BoardSimulator.serve(pty.boardEnd(),
                        SimulatorOptions.defaults().withBoard(9, BoardKind.MOTOR));
                ConfiguredPort port = new ConfiguredPort(pty.hostEnd().toString(), Map.of("pollPeriodMs", 100))) {
            MessageSource source = port.source;
            source.start(new CollectingSink());
            await("RUNNING", 10_000, () -> source.state() == SourceState.RUNNING);

            CommandResult moved = source.sendCommand(9, "85" + "0000000000" + "14");
            assertTrue(moved.acknowledged(), moved.reply());
            assertEquals("098500000000001400000000000", board.lastCommand(), "padded to 27 characters as the original");

            CommandResult unknownBoard = source.sendCommand(0x42, "85");
            assertFalse(unknownBoard.acknowledged());
            assertTrue(unknownBoard.reply().contains("no board 42"), unknownBoard.reply());

            CommandResult unknownInstruction = source.sendCommand(9, "9F");
            assertFalse(unknownInstruction.acknowledged());
            assertEquals("0965", unknownInstruction.reply());
            assertEquals(1L, source.statistics().boardErrors().get("65"));

            CommandResult notHex = source.sendCommand(9, "zz");
            assertFalse(notHex.acknowledged());
            source.stop();
            CommandResult stopped = source.sendCommand(9, "87");
            assertFalse(stopped.acknowledged(), "no board while stopped");
        }
    }

    @Test
    void aMissingPortShowsAsFailedWithAClearError() throws Exception {
        String missing = "/nonexistent-blitz-dir/ttyBLITZ0";
        try (ConfiguredPort port = new ConfiguredPort(missing, Map.of())) {
            MessageSource source = port.source;
            source.start(new CollectingSink());
            await("FAILED", 5_000, () -> source.state() == SourceState.FAILED);
            assertTrue(source.statistics().lastError().contains(missing + " does not exist"), source.statistics().lastError());
            assertTrue(source.boardIds().isEmpty());
            assertFalse(source.sendCommand(8, "85").acknowledged());
            source.stop();
            assertEquals(SourceState.STOPPED, source.state());
        }
    }

    private static void assertInOrderFromZero(List<String> lines) throws Exception {
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i, sequence(lines.get(i)), "message " + i + " in order");
        }
    }

    private static long sequence(String line) throws Exception {
        return NumberedMessages.sequence(BoardMessageCodec.standard().parse(line));
    }
}
