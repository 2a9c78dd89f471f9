// SPDX-License-Identifier: EPL-2.0
package blitz.logger.tests;

import static blitz.logger.tests.support.InProcessSource.basicLine;
import static blitz.testing.Osgi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import blitz.logger.GapRecord;
import blitz.logger.LoggingRuntime;
import blitz.logger.tests.support.InProcessSource;
import blitz.model.source.LossEvent;
import blitz.testing.Osgi;

/** A board's time going back (a reset) and its 32-bit wrap go into the session's gap ledger. */
class BoardClockLedgerTest {
    @RegisterExtension
    final Osgi osgi = new Osgi();
    private final LoggingRuntime runtime = Osgi.await(LoggingRuntime.class);

    @AfterEach
    void stop() {
        runtime.stopSession();
    }

    private List<LossEvent.Kind> clockEntries(long session) {
        return runtime.gaps(session).stream().map(GapRecord::event).map(LossEvent::kind)
                .filter(kind -> kind == LossEvent.Kind.CLOCK_RESET || kind == LossEvent.Kind.CLOCK_WRAP).toList();
    }

    @Test
    void aResetAndAWrapAreRecorded() throws Exception {
        runtime.stopSession();
        InProcessSource source = new InProcessSource("clock", 0x08);
        osgi.register(source);
        eventually("source started", source::started);
        runtime.startSession();
        long session = runtime.currentSession().orElseThrow();
        source.emit(basicLine(0x08, 1_000, 1), basicLine(0x08, 2_000, 2), basicLine(0x08, 1_995, 3), basicLine(0x08, 3_000, 4));
        source.emit(basicLine(0x08, 100, 5), basicLine(0x08, 200, 6));
        eventually("the reset in the ledger", () -> clockEntries(session).equals(List.of(LossEvent.Kind.CLOCK_RESET)));
        source.emit(basicLine(0x08, 4_294_960_000L, 7), basicLine(0x08, 4_294_966_000L, 8), basicLine(0x08, 1_000, 9));
        eventually("the wrap in the ledger", () -> clockEntries(session).size() == 2);
        assertEquals(List.of(LossEvent.Kind.CLOCK_RESET, LossEvent.Kind.CLOCK_WRAP), clockEntries(session),
                "a jitter of 5 ms and a jump forward are no events; 4294966000 ms to 1000 ms is the wrap");
    }
}
