// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian package {@code redis-server}) for tests: its own loopback port
 * and working directory, started as a child process and stopped by its PID. It can be stopped and
 * started again on the same port and directory, to test outages. Nothing depends on a server that
 * happens to run on the machine.
 *
 * <pre>
 * try (RedisServerFixture redis = RedisServerFixture.start("store", true)) {
 *     String uri = redis.uri(); // redis://127.0.0.1:PORT/0
 * }
 * </pre>
 */
public final class RedisServerFixture implements AutoCloseable {
    /** Where Debian's package installs the server. */
    public static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");
    /** Where Debian's package installs the command-line client. */
    public static final Path REDIS_CLI = Path.of("/usr/bin/redis-cli");
    private static final long START_TIMEOUT_MS = 10_000;

    private final Path directory;
    private final int port;
    private final boolean appendOnly;
    private final List<String> extraArguments;
    private Process process;

    private RedisServerFixture(Path directory, int port, boolean appendOnly, List<String> extraArguments) {
        this.directory = directory;
        this.port = port;
        this.appendOnly = appendOnly;
        this.extraArguments = List.copyOf(extraArguments);
    }

    /**
     * Starts a server on a free loopback port in a new folder under the tests' work dir.
     *
     * @param name       prefix of the folder's name
     * @param appendOnly with {@code true} the server keeps an append-only file fsynced on every
     *                   write ({@code appendfsync always}), so data survives {@link #stop()} and
     *                   {@link #restart()}; with {@code false} it keeps nothing on disk
     * @throws IllegalStateException if redis-server is not installed or does not answer PING
     */
    public static RedisServerFixture start(String name, boolean appendOnly) {
        return start(name, appendOnly, List.of());
    }

    /**
     * As {@link #start(String, boolean)}, with more {@code redis-server} options, e.g. {@code --requirepass},
     * {@code --user}, or {@code --tls-port} with its certificate files (the plain port stays open, so the
     * fixture can tell when the server is up and {@link #cli} works; with a password, pass {@code -a}).
     */
    public static RedisServerFixture start(String name, boolean appendOnly, List<String> extraArguments) {
        if (!Files.isExecutable(REDIS_SERVER)) {
            throw new IllegalStateException(REDIS_SERVER + " is not installed: install the Debian package 'redis-server' "
                    + "(apt-get install redis-server) to run the Redis tests");
        }
        RedisServerFixture fixture = new RedisServerFixture(TestFolders.newFolder("redis-" + name), FreePort.find(), appendOnly,
                extraArguments);
        fixture.startProcess();
        return fixture;
    }

    public int port() {
        return port;
    }

    /** @return {@code redis://127.0.0.1:<port>/0} */
    public String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    public Path directory() {
        return directory;
    }

    /** @return the server's process id, -1 when stopped */
    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void startProcess() {
        List<String> command = new ArrayList<>(List.of(REDIS_SERVER.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", directory.toString(), "--daemonize", "no", "--save", "",
                "--logfile", directory.resolve("redis.log").toString(),
                // tests may stall the server on purpose (DEBUG SLEEP) to provoke client timeouts
                "--enable-debug-command", "local"));
        if (appendOnly) {
            command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
        }
        command.addAll(extraArguments);
        try {
            process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("redis.out").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!answersPing()) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                String log = readLog();
                stop();
                throw new IllegalStateException("redis-server on port " + port + " did not answer PING within "
                        + START_TIMEOUT_MS + " ms; its log:\n" + log);
            }
            sleep(20);
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, reply.length);
            String answer = new String(reply, 0, read, StandardCharsets.US_ASCII);
            return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH"); // up, and wants a password
        } catch (IOException e) {
            return false;
        }
    }

    private String readLog() {
        try {
            Path log = directory.resolve("redis.log");
            Path out = directory.resolve("redis.out");
            return (Files.exists(log) ? Files.readString(log) : "") + (Files.exists(out) ? Files.readString(out) : "");
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the server: SIGTERM, then SIGKILL if it has not ended within 10 s. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Starts the server again on the same port and directory (stopping it first if it runs). */
    public void restart() {
        stop();
        startProcess();
    }

    /**
     * Runs {@code redis-cli -p <port> <args>} (Debian package {@code redis-server} brings it) and
     * returns its output lines: what any Redis tool sees.
     */
    public List<String> cli(String... args) {
        return RedisCli.run(port, args);
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
