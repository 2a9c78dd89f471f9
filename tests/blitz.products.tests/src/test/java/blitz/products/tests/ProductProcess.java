// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A product started through its launch script, with its combined output collected as it comes.
 * Closing it kills the whole process tree by PID.
 */
final class ProductProcess implements AutoCloseable {
    private static final int OUTPUT_TAIL = 8_000;
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private ProductProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::collectOutput, "product-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ProductProcess start(Path script, List<String> args, Map<String, String> environment) throws IOException {
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("no launch script at " + script + ": run the build (mvnw verify) first");
        }
        List<String> command = new java.util.ArrayList<>();
        command.add(script.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new ProductProcess(builder.start());
    }

    private void collectOutput() {
        // Read characters, not lines: a shell prompt has no line end.
        try (InputStreamReader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            char[] buffer = new char[4096];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                output.append(buffer, 0, read);
            }
        } catch (IOException e) {
            output.append("[output closed: ").append(e.getMessage()).append("]\n");
        }
    }

    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    String output() {
        return output.toString();
    }

    /** @return the output of one Gogo shell command, up to the next prompt ({@code g! }) */
    String shell(String command, Duration timeout) throws IOException, InterruptedException {
        int before = output.length();
        send(command);
        if (!awaitOutput(out -> out.indexOf("g! ", before) >= 0, timeout)) {
            throw new AssertionError("no prompt after " + command + " within " + timeout + "; output:\n" + output());
        }
        String out = output();
        return out.substring(before, out.indexOf("g! ", before));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** @return the exit code of the ended process */
    int exitValue() {
        return process.exitValue();
    }

    /** @return the process the launch script runs in */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** @return whether the process ended within {@code seconds} */
    boolean waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** Waits until the output satisfies {@code condition}; false on timeout or if the process died. */
    boolean awaitOutput(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(output())) {
                return true;
            }
            if (!process.isAlive()) {
                reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                return condition.test(output()); // all of it: the reader has reached the end of the stream
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** @return the product's java process: the launch script execs java or, if it ever forks, is its parent */
    Optional<ProcessHandle> java() {
        ProcessHandle script = handle();
        return Stream.concat(Stream.of(script), script.children())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
    }

    /**
     * Runs the test JDK's {@code jcmd} on a process.
     *
     * @return its output
     * @throws IOException when jcmd fails or does not end within 30 s (the message holds its output)
     */
    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("jcmd " + command + ": " + out);
        }
        return out;
    }

    /** @return the used heap of a java process right after a full GC, in KB, through {@code jcmd} */
    static long heapAfterGcKb(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IOException("no heap figure in: " + info);
        }
        return Long.parseLong(used.group(1));
    }

    /**
     * @return what the product is doing now, for a failure message: the thread dump of its java process
     *         ({@code jcmd Thread.print}) and the end of its output
     */
    String diagnostics() {
        StringBuilder text = new StringBuilder();
        java().ifPresent(java -> text.append("threads of java ").append(java.pid()).append(":\n").append(threadDump(java.pid())));
        String out = output();
        return text.append("output (last ").append(Math.min(out.length(), OUTPUT_TAIL)).append(" characters):\n")
                .append(out, Math.max(0, out.length() - OUTPUT_TAIL), out.length()).toString();
    }

    private static String threadDump(long pid) {
        try {
            return jcmd(pid, "Thread.print");
        } catch (IOException e) {
            return "[no thread dump: " + e.getMessage() + "]\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "[thread dump interrupted]\n";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
