// SPDX-License-Identifier: EPL-2.0
package blitz.serial.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import blitz.simulator.SocatPtyPair;

/**
 * Test fixture: a socat pty pair in a fresh folder under {@code blitz.test.workdir}, stopped by PID
 * on close. {@link #unplug()} and {@link #replug()} remove and recreate the pair under the same paths.
 */
final class PtyPair implements AutoCloseable {
    private final SocatPtyPair pair;

    PtyPair(String name) throws IOException {
        Path work = Path.of(System.getProperty("blitz.test.workdir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(work);
        pair = new SocatPtyPair(Files.createTempDirectory(work, name + "-")).start();
    }

    /** @return the path the serial source opens */
    Path hostEnd() {
        return pair.hostEnd();
    }

    /** @return the path the simulator serves */
    Path boardEnd() {
        return pair.boardEnd();
    }

    void unplug() {
        pair.stop();
    }

    void replug() throws IOException {
        pair.start();
    }

    /**
     * Freezes socat (SIGSTOP) so that nothing passes between the ends while both stay open, as a board
     * that hangs, or lets it go on (SIGCONT).
     */
    void frozen(boolean on) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", on ? "-STOP" : "-CONT", Long.toString(pair.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill " + (on ? "-STOP " : "-CONT ") + pair.pid() + " failed");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (pair.running()) {
            frozen(false); // a frozen socat would not end on the stop's signal
        }
        pair.stop();
    }
}
