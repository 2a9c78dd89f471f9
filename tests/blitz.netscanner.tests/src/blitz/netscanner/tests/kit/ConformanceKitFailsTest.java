// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests.kit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import blitz.source.conformance.SourceCheck;
import blitz.source.conformance.SourceConformanceChecks;
import blitz.source.conformance.SourceDevice;

/**
 * The kit can fail: each check finds the rule broken by a {@link NaiveSource} and names it. A stop
 * that waits for its thread with a generous timeout breaks the bounded stop, the drain, the loss
 * reports and the reconnect; a stop that does not wait at all lets a start have two readers.
 */
class ConformanceKitFailsTest {

    @Test
    void aStopThatWaitsForAHangingDeviceBreaksTheBound() {
        assertBroken(SourceCheck.STOP_OF_SILENT_DEVICE, NaiveSource.Stop.BLOCKING, SourceConformanceChecks::checkStopOfSilentDevice);
    }

    @Test
    void aStopThatReturnsAtOnceLeavesTheFailureUnreported() {
        assertBroken(SourceCheck.STOP_OF_SILENT_DEVICE, NaiveSource.Stop.HASTY, SourceConformanceChecks::checkStopOfSilentDevice);
    }

    @Test
    void aStopThatWaitsForAHeldSinkBreaksTheBound() {
        assertBroken(SourceCheck.STOP_WITH_HELD_SINK, NaiveSource.Stop.BLOCKING, SourceConformanceChecks::checkStopWithHeldSink);
    }

    @Test
    void aStartWhileTheHeldRunStillReadsIsASecondReader() {
        assertBroken(SourceCheck.STOP_WITH_HELD_SINK, NaiveSource.Stop.HASTY, SourceConformanceChecks::checkStopWithHeldSink);
    }

    @Test
    void aStopThatWaitsForAHangingConnectBreaksTheBound() {
        assertBroken(SourceCheck.STOP_WHILE_CONNECTING, NaiveSource.Stop.BLOCKING, SourceConformanceChecks::checkStopWhileConnecting);
    }

    @Test
    void aMessageDroppedWhileStoppingBreaksTheDrain() {
        assertBroken(SourceCheck.STOP_DRAINS, NaiveSource.Stop.BLOCKING, SourceConformanceChecks::checkStopDrains);
    }

    @Test
    void aStopThatDoesNotWaitForItsThreadAllowsTwoReaders() {
        assertBroken(SourceCheck.ONE_READER, NaiveSource.Stop.HASTY, SourceConformanceChecks::checkOneReader);
    }

    @Test
    void garbageDeliveredAsAMessageIsAnUnreportedLoss() {
        assertBroken(SourceCheck.LOSSES_REPORTED, NaiveSource.Stop.BLOCKING, SourceConformanceChecks::checkLossesReported);
    }

    @Test
    void aSourceThatGivesUpOnALostDeviceBreaksTheReconnect() {
        assertBroken(SourceCheck.RECONNECT, NaiveSource.Stop.BLOCKING, SourceConformanceChecks::checkReconnect);
    }

    private static void assertBroken(SourceCheck check, NaiveSource.Stop stop, Check body) {
        MemoryDevice device = new MemoryDevice();
        device.accepting(check != SourceCheck.STOP_WHILE_CONNECTING);
        try (MemorySourceDevice naive = new MemorySourceDevice(device, new NaiveSource(device, stop))) {
            AssertionError broken = assertThrows(AssertionError.class, () -> body.run(naive), "the kit missed a broken " + check);
            assertTrue(broken.getMessage().contains("'" + check.rule() + "' broken"), broken.getMessage());
        }
    }

    @FunctionalInterface
    private interface Check {
        void run(SourceDevice device) throws Exception;
    }
}
