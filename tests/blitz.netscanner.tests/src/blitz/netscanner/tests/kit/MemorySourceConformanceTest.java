// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests.kit;

import blitz.source.conformance.MessageSourceConformance;
import blitz.source.conformance.SourceCheck;
import blitz.source.conformance.SourceDevice;

/** The kit passes on a correct source (transport steps on PolledSource) of an in-memory device. */
class MemorySourceConformanceTest extends MessageSourceConformance {

    @Override
    protected SourceDevice device(SourceCheck check) {
        MemoryDevice device = new MemoryDevice();
        device.accepting(check != SourceCheck.STOP_WHILE_CONNECTING);
        return new MemorySourceDevice(device, new MemorySource(check.name(), device));
    }
}
