// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime product under a fault: started from its launch script with the shell, simulated board 8
 * (numbered messages, 10 per second, polled every 200 ms) and the embedded store in {@code data}. The
 * simulator's pty links go under {@code data} (the runtime's own), so runs never share them, and its
 * logger protocol gets a free port ({@code --port}), so runs of other builds on the machine never
 * answer in its place. Every process it starts (the runtime's java and its socat) is stopped by PID, also
 * after a {@link #kill()} left socat orphaned.
 */
final class FaultRuntime implements AutoCloseable {
    static final Path HOME = Path.of(System.getProperty("blitz.runtime.home", "missing"));
    static final int BOARD = 8;
    /** Longer fault windows when {@code -Dblitz.faults.long=true}; the fast ones keep the suite short. */
    static final boolean LONG = Boolean.getBoolean("blitz.faults.long");
    private static final Pattern SESSION_LINE = Pattern.compile("^(\\d+) (\\d+) (\\d+|None) (\\d+)$", Pattern.MULTILINE);
    private static final Pattern GAP_LINE = Pattern.compile("^\\d+ \\S+ \\S+ (\\w+) (\\d+) .*$", Pattern.MULTILINE);

    private final ProductProcess process;
    private final Path links;
    private final int port;
    private final List<ProcessHandle> started = new ArrayList<>();
    private ProcessHandle java;

    private FaultRuntime(ProductProcess process, Path links, int port) {
        this.process = process;
        this.links = links;
        this.port = port;
    }

    /**
     * Starts the runtime and waits until its shell is up and the simulated board answers.
     *
     * @param options further launch script options, e.g. {@code --redis URI}
     */
    static FaultRuntime start(Path data, Path tmp, String... options) throws Exception {
        FaultRuntime runtime = launch(data, tmp, "", options);
        try {
            runtime.awaitReady();
        } catch (Throwable e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    /**
     * Starts the launch script and returns at once; {@link #awaitReady()} waits for the shell and the board.
     *
     * @param javaOptions further JVM options (system properties), given to the script in {@code BLITZ_JAVA_OPTS}
     */
    static FaultRuntime launch(Path data, Path tmp, String javaOptions, String... options) throws Exception {
        Files.createDirectories(tmp);
        int port = FreePort.pick();
        List<String> args = new ArrayList<>(List.of("--console", "--simulate", Integer.toString(BOARD), "--data", data.toString(),
                "--port", Integer.toString(port)));
        args.addAll(List.of(options));
        return new FaultRuntime(ProductProcess.start(HOME.resolve("bin/blitz-runtime"), args,
                Map.of("BLITZ_JAVA_OPTS", ("-Djava.io.tmpdir=" + tmp + " " + javaOptions).trim())),
                data.resolve("simulator").resolve("board-" + BOARD), port);
    }

    void awaitReady() throws Exception {
        assertTrue(process.awaitOutput(out -> out.contains("Welcome to Apache Felix Gogo"), Duration.ofSeconds(60)),
                () -> "no shell; output:\n" + process.output());
        java = findJava();
        started.add(java);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!shell("blitz:boards").contains("Blitz Basic Expansion Board")) {
            assertTrue(System.nanoTime() < deadline, () -> "the simulated board never answered:\n" + process.output());
            Thread.sleep(300);
        }
        started.addAll(socats());
        awaitProtocol(process, port);
    }

    /**
     * Waits for the runtime's logger protocol on {@code port}; fails when another process took the port
     * (it would answer in the runtime's place).
     */
    static void awaitProtocol(ProductProcess runtime, int port) throws InterruptedException {
        Pattern listening = Pattern.compile("Logger protocol listening on tcp://127\\.0\\.0\\.1:" + port + "(?!\\d)");
        assertTrue(runtime.awaitOutput(out -> listening.matcher(out).find() || out.contains("Cannot serve the logger protocol"),
                Duration.ofSeconds(30)), () -> "no protocol server:\n" + runtime.output());
        assertTrue(listening.matcher(runtime.output()).find(),
                () -> "port " + port + " is taken by another process, the runtime cannot serve it:\n" + runtime.output());
    }

    /** @return a plain client of this runtime's logger protocol */
    LoggerClient client() {
        return new LoggerClient(process, port);
    }

    /** @return a client over CURVE with the runtime's public key, sending {@code token} before every request */
    LoggerClient client(String serverKey, String token) {
        return new LoggerClient(process, port, serverKey, token);
    }

    /** @return the port of this runtime's logger protocol (its {@code --port}) */
    int port() {
        return port;
    }

    /** @return the command line of the runtime's java process, as {@code ps} shows it */
    String commandLine() {
        return java.info().commandLine().orElseThrow(() -> new AssertionError("the java process's command line is not readable"));
    }

    /** @return the output of one shell command (up to the next prompt) */
    String shell(String command) throws Exception {
        return process.shell(command, Duration.ofSeconds(15));
    }

    /** @return the stored message count of the running session {@code id}, from {@code blitz:sessions} */
    long runningSessionCount(long id) throws Exception {
        String listed = shell("blitz:sessions");
        Matcher running = Pattern.compile("^\\s*" + id + "\\s+\\S+\\s+running\\s+(\\d+) messages", Pattern.MULTILINE)
                .matcher(listed);
        assertTrue(running.find(), () -> "session " + id + " not listed as running: " + listed);
        return Long.parseLong(running.group(1));
    }

    /** @return the runtime's count of lines received from the boards, from {@code blitz:status} */
    long linesReceived() throws Exception {
        String status = shell("blitz:status");
        Matcher m = Pattern.compile("lines received (\\d+)").matcher(status);
        assertTrue(m.find(), () -> "no counters in the status: " + status);
        return Long.parseLong(m.group(1));
    }

    boolean isAlive() {
        return java.isAlive();
    }

    String output() {
        return process.output();
    }

    private ProcessHandle findJava() {
        return process.java().orElseThrow(() -> new AssertionError("no java process under the launch script"));
    }

    /** The socat processes of the simulated board (pty pairs), found among the runtime's descendants. */
    List<ProcessHandle> socats() {
        return process.handle().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/socat")).orElse(false)).toList();
    }

    /** The simulated board's pty links: {@code host} (the serial port's) and {@code board} (the simulator's). */
    Path links() {
        return links;
    }

    /** kill -9 of the java process; the orphaned socat is stopped by its PID too. */
    void kill() throws Exception {
        List<ProcessHandle> orphans = socats();
        assertTrue(java.destroyForcibly(), "kill -9 refused");
        java.onExit().get(10, TimeUnit.SECONDS);
        process.waitFor(10);
        for (ProcessHandle socat : orphans) {
            socat.destroy();
            socat.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        process.close();
        for (ProcessHandle handle : started) {
            if (handle.isAlive()) {
                handle.destroy();
                try {
                    handle.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            }
        }
    }

    // ---- replies of the logger protocol

    /** @return the session lines of a {@code SESSIONS} reply, oldest first */
    static List<long[]> sessions(String reply) {
        assertTrue(reply.endsWith("NACK"), () -> "not a SESSIONS reply: " + reply);
        List<long[]> sessions = new ArrayList<>();
        Matcher line = SESSION_LINE.matcher(reply);
        while (line.find()) {
            sessions.add(new long[] { Long.parseLong(line.group(1)), Long.parseLong(line.group(2)),
                    line.group(3).equals("None") ? -1 : Long.parseLong(line.group(3)), Long.parseLong(line.group(4)) });
        }
        sessions.sort((a, b) -> Long.compare(a[0], b[0]));
        return sessions;
    }

    /** @return the total count of each loss kind in a {@code GAPS <session>} reply, checked for consistency */
    static Map<String, Long> gapTotals(String reply, long sessionId) {
        Matcher header = Pattern.compile("^GAPS " + sessionId + " (\\d+)").matcher(reply);
        assertTrue(header.find(), () -> "not a GAPS reply: " + reply);
        Map<String, Long> totals = new TreeMap<>();
        Matcher line = GAP_LINE.matcher(reply);
        int entries = 0;
        while (line.find()) {
            totals.merge(line.group(1), Long.parseLong(line.group(2)), Long::sum);
            entries++;
        }
        assertEquals(Integer.parseInt(header.group(1)), entries, () -> "GAPS entries do not match its count: " + reply);
        return totals;
    }

    /** Makes {@code folder} unwritable, also for root (chmod alone does not stop root: chattr +i does). */
    static boolean makeReadOnly(Path folder) throws IOException, InterruptedException {
        run("chmod", "555", folder.toString());
        if (isRoot()) {
            run("chattr", "+i", folder.toString());
        }
        Path probe = folder.resolve("probe-" + System.nanoTime());
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    static void makeWritable(Path folder) throws IOException, InterruptedException {
        if (isRoot()) {
            run("chattr", "-i", folder.toString());
        }
        run("chmod", "755", folder.toString());
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
