// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code redis-cli} against any loopback port (a server, a Sentinel or a cluster node), and the
 * process helpers the Sentinel and Cluster fixtures share: {@code kill -9} by PID and waiting for a
 * condition.
 */
public final class RedisCli {
    /**
     * Server options for a node of a replicated setup: replicas authenticate to their master as the
     * ACL user {@code repl}, so that {@link #cutReplicas} can keep them out.
     */
    public static final List<String> REPLICATION_USER = List.of("--user", "repl", "on", ">repl-secret", "~*", "&*", "+@all",
            "--masteruser", "repl", "--masterauth", "repl-secret");

    private RedisCli() {
    }

    /**
     * Cuts a master off its replicas (started with {@link #REPLICATION_USER}): their user is disabled
     * on this master and their links killed, so they cannot come back. The master goes on confirming
     * writes that no replica gets: what a failover loses without {@code WAIT}.
     */
    public static void cutReplicas(int masterPort) {
        run(masterPort, "ACL", "SETUSER", "repl", "off");
        run(masterPort, "CLIENT", "KILL", "USER", "repl");
    }

    /** Runs {@code redis-cli -h 127.0.0.1 -p <port> <args>}; @return its output lines */
    public static List<String> run(int port, String... args) {
        List<String> command = new ArrayList<>(List.of(RedisServerFixture.REDIS_CLI.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port)));
        command.addAll(Arrays.asList(args));
        return exec(command);
    }

    /** Runs {@code redis-cli <args>} (e.g. {@code --cluster create ...}); @return its output lines */
    public static List<String> exec(List<String> command) {
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cli.waitFor(30, TimeUnit.SECONDS) || cli.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
            return output.isEmpty() ? List.of() : List.of(output.split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** Sends SIGKILL to a process by its PID ({@code kill -9}): no shutdown, no last write to disk. */
    public static void kill9(long pid) {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Polls {@code condition} every 50 ms. @return the milliseconds it took @throws AssertionError after {@code timeoutMs} */
    public static long await(String what, long timeoutMs, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** Like {@link #run} but returns an empty list instead of failing (for polling a node that may be down). */
    static List<String> quietly(int port, String... args) {
        try {
            return run(port, args);
        } catch (IllegalStateException | UncheckedIOException e) {
            return List.of();
        }
    }
}
