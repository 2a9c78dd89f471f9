// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import blitz.model.source.MessageSource;
import blitz.source.conformance.MessageSourceConformance;
import blitz.source.conformance.SourceCheck;
import blitz.source.conformance.SourceDevice;
import blitz.source.support.PolledSource;

/**
 * The message source conformance kit on the NetScanner source (created by DS from a ConfigAdmin
 * configuration) reading a {@link FakeNetScanner}. The drain check has the scanner answer each reading
 * 400 ms late at 1 Hz, so that the stop comes while a reading is in flight; the stop while connecting
 * runs against a listener whose accept queue is full, so the connect itself hangs.
 */
class NetScannerConformanceTest extends MessageSourceConformance {

    @Override
    protected SourceDevice device(SourceCheck check) throws Exception {
        String id = "ns-" + check.name().toLowerCase();
        return switch (check) {
            case STOP_WHILE_CONNECTING -> new AcceptingNothing(id);
            case STOP_OF_SILENT_DEVICE -> new ScannerSourceDevice(id, Map.of("rateHz", 10.0, "stopTimeoutMs", 800));
            case STOP_WITH_HELD_SINK -> new ScannerSourceDevice(id, Map.of("rateHz", 20.0, "stopTimeoutMs", 600));
            case STOP_DRAINS -> {
                ScannerSourceDevice device = new ScannerSourceDevice(id, Map.of("rateHz", 1.0));
                device.scanner().readingDelay(400);
                yield device;
            }
            default -> new ScannerSourceDevice(id, Map.of("rateHz", 10.0));
        };
    }

    /**
     * A listener whose accept queue is full: the kernel drops further connection requests, as from a
     * scanner whose network stack hangs, so a connect waits for its timeout (8 s here). Only for
     * {@link SourceCheck#STOP_WHILE_CONNECTING}.
     */
    private static final class AcceptingNothing implements SourceDevice {
        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final List<Socket> queued = new ArrayList<>();
        private final ConfiguredScanner configured;

        AcceptingNothing(String id) throws Exception {
            for (int i = 0; i < 2; i++) {
                queued.add(new Socket(listener.getInetAddress(), listener.getLocalPort()));
            }
            configured = new ConfiguredScanner(id, listener.getLocalPort(), Map.of("timeoutMs", 8000));
        }

        @Override
        public MessageSource source() {
            return configured.source;
        }

        @Override
        public long stopBoundMs() {
            return 1000 + PolledSource.STOP_GRACE_MS;
        }

        @Override
        public void answering(boolean on) {
            throw unsupported();
        }

        @Override
        public void unplug() {
            throw unsupported();
        }

        @Override
        public void replug() {
            throw unsupported();
        }

        @Override
        public int readers() {
            throw unsupported();
        }

        @Override
        public long sent() {
            return 0;
        }

        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("a listener that accepts nothing serves only " + SourceCheck.STOP_WHILE_CONNECTING);
        }

        @Override
        public void close() throws IOException {
            try (listener; configured) {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }
}
