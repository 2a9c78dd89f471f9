// SPDX-License-Identifier: EPL-2.0
package blitz.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pty pair made by {@code socat}: two symbolic links, {@link #hostEnd()} for the host (a serial
 * port configuration points at it) and {@link #boardEnd()} for the simulator. socat is started as a
 * child process and stopped by its PID; {@link #stop()} followed by {@link #start()} simulates an
 * unplug and replug (the links point at new ptys).
 */
public final class SocatPtyPair implements AutoCloseable {
    private static final Duration LINK_WAIT = Duration.ofSeconds(10);

    private final Path hostEnd;
    private final Path boardEnd;
    private final Path log;
    private Process socat;
    private Thread exitHook;

    /**
     * @param directory where the two links ({@code host}, {@code board}) and socat's log go; created if missing
     */
    public SocatPtyPair(Path directory) {
        this.hostEnd = directory.resolve("host");
        this.boardEnd = directory.resolve("board");
        this.log = directory.resolve("socat.log");
    }

    public Path hostEnd() {
        return hostEnd;
    }

    public Path boardEnd() {
        return boardEnd;
    }

    /** @return whether socat is running */
    public synchronized boolean running() {
        return socat != null && socat.isAlive();
    }

    /**
     * Starts socat (if not running) and waits until both links exist.
     *
     * @throws IOException when socat cannot be started or the links do not appear within 10 s
     */
    public synchronized SocatPtyPair start() throws IOException {
        if (running()) {
            return this;
        }
        Files.createDirectories(hostEnd.getParent());
        Files.deleteIfExists(hostEnd);
        Files.deleteIfExists(boardEnd);
        socat = new ProcessBuilder(List.of("socat", "-d", "-d", "pty,raw,echo=0,link=" + hostEnd,
                "pty,raw,echo=0,link=" + boardEnd)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A JVM that exits without stopping the framework (e.g. the shell's exit) must not leave socat behind.
        Process started = socat;
        exitHook = new Thread(started::destroy, "socat-stop " + started.pid());
        Runtime.getRuntime().addShutdownHook(exitHook);
        long deadline = System.nanoTime() + LINK_WAIT.toNanos();
        while (!(Files.exists(hostEnd) && Files.exists(boardEnd))) {
            if (!socat.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IOException("socat did not create " + hostEnd + " and " + boardEnd + "; see " + log);
            }
            sleep(10);
        }
        return this;
    }

    /** Stops socat by its PID and waits for it to exit; the links disappear. Does nothing when stopped. */
    public synchronized void stop() {
        if (socat == null) {
            return;
        }
        socat.destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops socat too
        }
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(hostEnd);
            Files.deleteIfExists(boardEnd);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a link socat left behind is replaced by the next start
        }
        socat = null;
    }

    /** @return socat's PID, or -1 when not running */
    public synchronized long pid() {
        return running() ? socat.pid() : -1;
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for socat", e);
        }
    }
}
