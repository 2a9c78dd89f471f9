// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests.kit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import blitz.source.conformance.SourceCheck;
import blitz.source.conformance.SourceConformanceChecks;

/**
 * The kit can fail: each check finds the rule broken by a {@link NaiveSource} and names it. A stop
 * that waits for its thread with a generous timeout breaks the bounded stop, the drain, the loss
 * reports and the reconnect; a stop that does not wait at all lets a start have two readers.
 */
class ConformanceKitFailsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a stop that waits for a hanging device breaks the bound         | STOP_OF_SILENT_DEVICE | BLOCKING
            a stop that returns at once leaves the failure unreported       | STOP_OF_SILENT_DEVICE | HASTY
            a stop that waits for a held sink breaks the bound              | STOP_WITH_HELD_SINK   | BLOCKING
            a start while the held run still reads is a second reader       | STOP_WITH_HELD_SINK   | HASTY
            a stop that waits for a hanging connect breaks the bound        | STOP_WHILE_CONNECTING | BLOCKING
            a message dropped while stopping breaks the drain               | STOP_DRAINS           | BLOCKING
            a stop that does not wait for its thread allows two readers     | ONE_READER            | HASTY
            garbage delivered as a message is an unreported loss            | LOSSES_REPORTED       | BLOCKING
            a source that gives up on a lost device breaks the reconnect    | RECONNECT             | BLOCKING
            """)
    void theKitNamesTheBrokenRule(String naiveness, SourceCheck check, NaiveSource.Stop stop) {
        MemoryDevice device = new MemoryDevice();
        device.accepting(check != SourceCheck.STOP_WHILE_CONNECTING);
        try (MemorySourceDevice naive = new MemorySourceDevice(device, new NaiveSource(device, stop))) {
            AssertionError broken = assertThrows(AssertionError.class, () -> SourceConformanceChecks.run(check, naive),
                    "the kit missed a broken " + check + ": " + naiveness);
            assertTrue(broken.getMessage().contains("'" + check.rule() + "' broken"), broken.getMessage());
        }
    }
}
