// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

import blitz.protocol.wire.LiveLines;
import blitz.protocol.wire.Replies;
import blitz.protocol.wire.RuntimeActivity;

/** The wire formats of the live extensions, written and read back: LIVE, EPOCH and STATS' activity lines. */
class LiveWireTest {

    @Test
    void liveRepliesRoundTripWithAgesAndCounts() {
        LiveLines sent = new LiveLines(1733580000000L, 3, 120, 5, 7,
                List.of(new LiveLines.Line(12, "08a0000000640ff0000000000000"), new LiveLines.Line(0, "a line with spaces")));
        String reply = sent.reply();
        assertTrue(reply.startsWith("LIVE 1733580000000 3 120 5 7\n12 08a0"), reply);
        assertEquals(sent, LiveLines.parse(reply).orElseThrow());
        LiveLines empty = new LiveLines(1, 0, 42, 0, 0, List.of());
        assertEquals("LIVE 1 0 42 0 0", empty.reply());
        assertEquals(empty, LiveLines.parse(empty.reply()).orElseThrow());
    }

    @Test
    void anythingButALiveReplyIsNotRead() {
        for (String reply : List.of("ERROR 2 IDLE", "LIVE 1 2 3", "LIVE a 0 0 0 0", "LIVE 1 0 2 0 0\nno-age-here", "")) {
            assertTrue(LiveLines.parse(reply).isEmpty(), reply);
        }
    }

    @Test
    void theEpochFollowsItsWordInTheFirstLine() {
        assertTrue(Replies.version(77).startsWith(Replies.VERSION + " EPOCH 77"));
        assertTrue(Replies.VERSION.contains(" LIVE"));
        assertEquals(OptionalLong.of(77), Replies.epoch(Replies.version(77)));
        assertEquals(OptionalLong.of(5), Replies.epoch("NOTIFICATIONS 2 EPOCH 5\n1 2 1 EPOCH 9"));
        assertEquals(OptionalLong.empty(), Replies.epoch("NOTIFICATIONS 2\n1 2 1 EPOCH 9"), "only the first line");
    }

    @Test
    void statsActivityLinesAreReadBack() {
        List<String> stats = List.of("STATS", "RUNTIME session=3 received=1",
                RuntimeActivity.boardLine(0x08, "sim", 1200, 1733580000000L, 0, 10.04, 85),
                RuntimeActivity.boardLine(0x0a, "sim", 0, 0, 0, 0, -1),
                RuntimeActivity.silenceLine(Set.of(0x0a), 3, 5000));
        RuntimeActivity activity = RuntimeActivity.parse(stats);
        assertEquals(List.of(new RuntimeActivity.Board(0x08, 1200, 10.04, 85), new RuntimeActivity.Board(0x0a, 0, 0, -1)),
                activity.boards());
        assertEquals(Set.of(0x0a), activity.silentBoards());
        assertEquals(3, activity.silentSession());
        assertEquals(5000, activity.limitMs());
        RuntimeActivity quiet = RuntimeActivity.parse(List.of(RuntimeActivity.silenceLine(Set.of(), 0, 5000)));
        assertTrue(quiet.silentBoards().isEmpty());
        assertEquals(0, quiet.silentSession());
    }
}
