// SPDX-License-Identifier: EPL-2.0
package blitz.codec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import blitz.codec.SequenceTracker;
import blitz.codec.SequenceTracker.Kind;
import blitz.codec.SequenceTracker.Step;

class SequenceTrackerTest {
    private final SequenceTracker tracker = new SequenceTracker();

    @Test
    void countsNothingMissingWhileNumbersFollowEachOther() {
        assertEquals(new Step(Kind.FIRST, 0), tracker.observe(8, 17));
        for (long n = 18; n < 1000; n++) {
            assertEquals(new Step(Kind.IN_ORDER, 0), tracker.observe(8, n));
        }
        assertEquals(0, tracker.missing(8));
    }

    @Test
    void reportsTheSizeOfAGap() {
        tracker.observe(8, 0);
        tracker.observe(8, 1);
        assertEquals(new Step(Kind.GAP, 3), tracker.observe(8, 5));
        assertEquals(new Step(Kind.IN_ORDER, 0), tracker.observe(8, 6));
        assertEquals(new Step(Kind.GAP, 1), tracker.observe(8, 8));
        assertEquals(4, tracker.missing(8));
    }

    @Test
    void followsTheWrapAfterTheLargestNumber() {
        tracker.observe(8, 0xFFFF_FFFEL);
        assertEquals(new Step(Kind.IN_ORDER, 0), tracker.observe(8, 0xFFFF_FFFFL));
        assertEquals(new Step(Kind.IN_ORDER, 0), tracker.observe(8, 0));
        assertEquals(new Step(Kind.IN_ORDER, 0), tracker.observe(8, 1));

        tracker.observe(9, 0xFFFF_FFFDL);
        assertEquals(new Step(Kind.GAP, 3), tracker.observe(9, 1), "FFFFFFFE, FFFFFFFF and 0 are missing");
    }

    @Test
    void treatsZeroAsABoardRestart() {
        tracker.observe(8, 100);
        tracker.observe(8, 101);
        assertEquals(new Step(Kind.RESTART, 0), tracker.observe(8, 0));
        assertEquals(new Step(Kind.IN_ORDER, 0), tracker.observe(8, 1));
        tracker.observe(7, 0x9000_0000L);
        assertEquals(new Step(Kind.RESTART, 0), tracker.observe(7, 0), "even when 0 is less than half the range ahead");
        assertEquals(0, tracker.missing(7));
    }

    @Test
    void aNumberBehindTheExpectedOneIsARestartWhoseFirstNumbersWereLost() {
        tracker.observe(8, 5000);
        assertEquals(new Step(Kind.RESTART, 3), tracker.observe(8, 3), "0, 1 and 2 of the new run were not seen");
        assertEquals(new Step(Kind.IN_ORDER, 0), tracker.observe(8, 4));
    }

    @Test
    void keepsBoardsApartAndForgets() {
        tracker.observe(8, 10);
        tracker.observe(9, 500);
        assertEquals(new Step(Kind.IN_ORDER, 0), tracker.observe(8, 11));
        assertEquals(new Step(Kind.GAP, 9), tracker.observe(9, 510));
        tracker.forget(9);
        assertEquals(0, tracker.missing(9));
        assertEquals(new Step(Kind.FIRST, 0), tracker.observe(9, 7));
        tracker.forgetAll();
        assertEquals(new Step(Kind.FIRST, 0), tracker.observe(8, 12));
    }

    @Test
    void refusesNumbersOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> tracker.observe(8, 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> tracker.observe(8, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> tracker.observe(256, 1));
    }
}
