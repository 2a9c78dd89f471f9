// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import blitz.model.source.MessageSource;
import blitz.source.conformance.SourceDevice;
import blitz.source.support.PolledSource;

/**
 * A {@link FakeNetScanner} and the NetScanner source DS made for it, for the source conformance kit.
 * A silent scanner leaves readings unanswered; unplugging closes its connections and refuses new ones
 * until replugged; the readers are its open connections.
 */
final class ScannerSourceDevice implements SourceDevice {
    private final FakeNetScanner scanner;
    private final ConfiguredScanner configured;
    private final long stopTimeoutMs;

    /** @param properties the source's configuration besides host and port; its stopTimeoutMs sets the bound */
    ScannerSourceDevice(String id, Map<String, Object> properties) throws Exception {
        scanner = new FakeNetScanner("\r\n");
        configured = new ConfiguredScanner(id, scanner.port(), properties);
        stopTimeoutMs = ((Number) properties.getOrDefault("stopTimeoutMs", 1000)).longValue();
    }

    FakeNetScanner scanner() {
        return scanner;
    }

    @Override
    public MessageSource source() {
        return configured.source;
    }

    /** @return stopTimeoutMs + 500 ms, as {@code docs/serial.md} says */
    @Override
    public long stopBoundMs() {
        return stopTimeoutMs + PolledSource.STOP_GRACE_MS;
    }

    @Override
    public void answering(boolean on) {
        scanner.silent(!on);
    }

    @Override
    public void unplug() throws IOException {
        scanner.refusing(true);
        scanner.hangUp();
    }

    @Override
    public void replug() {
        scanner.refusing(false);
    }

    @Override
    public int readers() {
        return scanner.openConnections();
    }

    @Override
    public long sent() {
        return scanner.readingsSent();
    }

    /** Waits for the second reading request: the scanner answers it after its reading delay. */
    @Override
    public void awaitRequestInFlight() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (scanner.commands(scanner.connections() - 1).stream().filter("rFFFF0"::equals).count() < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no second reading request within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Override
    public boolean sendGarbage() {
        scanner.garbage("not a reading");
        return true;
    }

    @Override
    public void close() throws IOException {
        try (scanner; configured) {
            configured.source.stop();
        }
    }
}
