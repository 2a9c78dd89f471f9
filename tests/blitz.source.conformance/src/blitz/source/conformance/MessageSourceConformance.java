// SPDX-License-Identifier: EPL-2.0
package blitz.source.conformance;

import org.junit.jupiter.api.Test;

import blitz.model.source.MessageSource;

/**
 * The message source conformance kit: extend this class in your test bundle, make a device and your
 * source for it per {@link SourceCheck}, and the stop, reader and loss rules of the
 * {@link MessageSource} contract are checked on it (see {@link SourceConformanceChecks}).
 *
 * <pre>{@code
 * class ModbusSourceConformanceTest extends MessageSourceConformance {
 *     protected SourceDevice device(SourceCheck check) throws Exception {
 *         return check == SourceCheck.STOP_WHILE_CONNECTING ? FakeModbus.acceptingNothing() : FakeModbus.running();
 *     }
 * }
 * }</pre>
 *
 * The device for {@link SourceCheck#STOP_WHILE_CONNECTING} must never complete a connection (a
 * handshake left unanswered, a connect the network never completes); every other one answers and
 * sends data messages regularly. The stop checks print how long the stop took.
 */
public abstract class MessageSourceConformance {

    /** @return a fresh device and the source under test configured for it, for one check */
    protected abstract SourceDevice device(SourceCheck check) throws Exception;

    @Test
    void aStopOfADeviceThatStopsAnsweringIsBounded() throws Exception {
        stopCheck(SourceCheck.STOP_OF_SILENT_DEVICE, SourceConformanceChecks::checkStopOfSilentDevice);
    }

    @Test
    void aStopWithASinkHoldingTheWorkerIsBounded() throws Exception {
        stopCheck(SourceCheck.STOP_WITH_HELD_SINK, SourceConformanceChecks::checkStopWithHeldSink);
    }

    @Test
    void aStopWhileConnectingIsBounded() throws Exception {
        stopCheck(SourceCheck.STOP_WHILE_CONNECTING, SourceConformanceChecks::checkStopWhileConnecting);
    }

    @Test
    void aStopDeliversWhatTheDeviceSentAndNothingAfter() throws Exception {
        stopCheck(SourceCheck.STOP_DRAINS, SourceConformanceChecks::checkStopDrains);
    }

    @Test
    void aStartRightAfterAStopNeverHasTwoReaders() throws Exception {
        check(SourceCheck.ONE_READER, SourceConformanceChecks::checkOneReader);
    }

    @Test
    void lossesAreReported() throws Exception {
        check(SourceCheck.LOSSES_REPORTED, SourceConformanceChecks::checkLossesReported);
    }

    @Test
    void aDeviceThatComesBackIsReadAgain() throws Exception {
        check(SourceCheck.RECONNECT, SourceConformanceChecks::checkReconnect);
    }

    private void check(SourceCheck check, Check body) throws Exception {
        try (SourceDevice device = device(check)) {
            body.run(device);
        }
    }

    /** Runs a stop check and prints how long the stop took. */
    private void stopCheck(SourceCheck check, StopCheck body) throws Exception {
        try (SourceDevice device = device(check)) {
            long stopMs = body.run(device);
            System.out.printf("[source conformance] %s, %s: stop took %d ms (bound %d ms)%n", getClass().getSimpleName(),
                    check.rule(), stopMs, device.stopBoundMs());
        }
    }

    @FunctionalInterface
    private interface Check {
        void run(SourceDevice device) throws Exception;
    }

    @FunctionalInterface
    private interface StopCheck {
        long run(SourceDevice device) throws Exception;
    }
}
