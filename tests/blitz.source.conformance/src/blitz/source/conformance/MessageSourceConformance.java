// SPDX-License-Identifier: EPL-2.0
package blitz.source.conformance;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    /** Runs each check on a fresh device; the stop checks print how long the stop took. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(SourceCheck.class)
    void conforms(SourceCheck check) throws Exception {
        try (SourceDevice device = device(check)) {
            SourceConformanceChecks.run(check, device).ifPresent(stopMs -> System.out.printf(
                    "[source conformance] %s, %s: stop took %d ms (bound %d ms)%n", getClass().getSimpleName(),
                    check.rule(), stopMs, device.stopBoundMs()));
        }
    }
}
