// SPDX-License-Identifier: EPL-2.0
package blitz.serial.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import blitz.model.source.MessageSource;
import blitz.source.conformance.SourceDevice;
import blitz.source.support.PolledSource;

/**
 * A board on the far end of a socat pty pair and the serial source DS made for the host end, for the
 * source conformance kit. Unplugging removes the pty pair, as a pulled USB adapter; the readers are
 * this JVM's open file descriptors on the host end's pty.
 */
final class PtySourceDevice implements SourceDevice {

    /** The board end as the kit drives it. */
    interface Board extends AutoCloseable {
        void answering(boolean on) throws Exception;

        long sent();

        boolean sendGarbage();

        /** Called after the pty pair was made again. */
        void replugged() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Makes the board for a pty pair. */
    interface BoardFactory {
        Board serve(PtyPair pty) throws IOException;
    }

    private final PtyPair pty;
    private final Board board;
    private final ConfiguredPort port;
    private final long stopTimeoutMs;

    /** @param properties the source's configuration besides the port; its stopTimeoutMs sets the bound */
    PtySourceDevice(String name, Map<String, Object> properties, BoardFactory boards) throws Exception {
        pty = new PtyPair(name);
        board = boards.serve(pty);
        port = new ConfiguredPort(pty.hostEnd().toString(), properties);
        stopTimeoutMs = ((Number) properties.getOrDefault("stopTimeoutMs", 3000)).longValue();
    }

    @Override
    public MessageSource source() {
        return port.source;
    }

    /** @return stopTimeoutMs + 500 ms, as {@code docs/serial.md} says */
    @Override
    public long stopBoundMs() {
        return stopTimeoutMs + PolledSource.STOP_GRACE_MS;
    }

    @Override
    public void answering(boolean on) throws Exception {
        board.answering(on);
    }

    @Override
    public void unplug() {
        pty.unplug();
    }

    @Override
    public void replug() throws IOException {
        pty.replug();
        board.replugged();
    }

    @Override
    public int readers() throws IOException {
        Path device = pty.hostEnd().toRealPath();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return (int) descriptors.filter(fd -> pointsTo(fd, device)).count();
        }
    }

    private static boolean pointsTo(Path descriptor, Path device) {
        try {
            return Files.readSymbolicLink(descriptor).equals(device);
        } catch (IOException e) {
            return false; // closed meanwhile
        }
    }

    @Override
    public long sent() {
        return board.sent();
    }

    @Override
    public boolean sendGarbage() {
        return board.sendGarbage();
    }

    @Override
    public void close() throws Exception {
        try (pty; board; port) {
            port.source.stop();
        }
    }
}
