// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests.kit;

import blitz.model.source.MessageSource;
import blitz.source.conformance.SourceDevice;
import blitz.source.support.PolledSource;

/** A {@link MemoryDevice} and a source reading it, for the kit. */
final class MemorySourceDevice implements SourceDevice {
    private final MemoryDevice device;
    private final MessageSource source;

    MemorySourceDevice(MemoryDevice device, MessageSource source) {
        this.device = device;
        this.source = source;
    }

    @Override
    public MessageSource source() {
        return source;
    }

    @Override
    public long stopBoundMs() {
        return MemorySource.STOP_TIMEOUT_MS + PolledSource.STOP_GRACE_MS;
    }

    @Override
    public void answering(boolean on) {
        device.answering(on);
    }

    @Override
    public void unplug() {
        device.plugged(false);
    }

    @Override
    public void replug() {
        device.plugged(true);
    }

    @Override
    public int readers() {
        return device.readers();
    }

    @Override
    public long sent() {
        return device.sent();
    }

    @Override
    public void awaitRequestInFlight() throws InterruptedException {
        while (!device.inFlight()) {
            Thread.sleep(1);
        }
    }

    @Override
    public boolean sendGarbage() {
        device.sendGarbage();
        return true;
    }

    @Override
    public void close() {
        device.answering(true);
        device.accepting(true);
        source.stop();
    }
}
