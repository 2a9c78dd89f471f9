// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for a fault case: on a free loopback port, with its own folder and an
 * append-only file ({@code appendonly yes}, {@code appendfsync} as given, no RDB snapshots), so a
 * restart on the same folder reloads exactly what the AOF holds. Stopped by its PID: {@link #stop()}
 * (SIGTERM, Redis's clean shutdown) or {@link #kill()} (SIGKILL).
 */
final class RedisProcess implements AutoCloseable {
    private final Path folder;
    private final int port;
    private final String appendfsync;
    private Process server;

    private RedisProcess(Path folder, int port, String appendfsync) {
        this.folder = folder;
        this.port = port;
        this.appendfsync = appendfsync;
    }

    /** Starts redis-server and waits until it answers PING. */
    static RedisProcess start(Path folder, String appendfsync) throws Exception {
        RedisProcess redis = new RedisProcess(folder, FreePort.pick(), appendfsync);
        redis.restart();
        return redis;
    }

    /** (Re)starts the server on the same port and folder; its AOF is loaded. */
    void restart() throws Exception {
        Files.createDirectories(folder);
        server = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", folder.toString(), "--appendonly", "yes", "--appendfsync", appendfsync, "--save", "",
                "--daemonize", "no", "--logfile", folder.resolve("redis.log").toString()))
                .redirectErrorStream(true).redirectOutput(folder.resolve("redis.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!"PONG".equals(cli("PING"))) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not come up on port " + port + ": see " + folder);
            }
            Thread.sleep(50);
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** @return the trimmed output of {@code redis-cli -p PORT args...}, or "" when it fails */
    String cli(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "";
        }
        return p.exitValue() == 0 ? out : "";
    }

    /** Clean shutdown by PID (SIGTERM): Redis writes out its AOF and exits. */
    void stop() throws InterruptedException {
        end(false);
    }

    /** kill -9 by PID: what Redis had not written to its AOF is gone. */
    void kill() throws InterruptedException {
        end(true);
    }

    private void end(boolean forcibly) throws InterruptedException {
        if (server == null) {
            return;
        }
        if (forcibly) {
            server.destroyForcibly();
        } else {
            server.destroy();
        }
        if (!server.waitFor(15, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        server = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
