// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plug-in guide's "From an empty folder to a running plug-in", step by step, outside the source
 * tree: unpack the SDK archive the build just made, copy its template, build and test it against the
 * SDK alone (the nested Maven runs offline: everything is in ~/.m2), put the two bundles into the
 * plug-ins folder of a runtime and of a workbench, then the runtime decodes the template board's lines
 * replayed by its simulator and the workbench shows the template's view under Xvfb.
 */
class PluginSdkTest {
    private static final Path PRODUCTS = Path.of(System.getProperty("blitz.products.dir", "missing"));
    private static final Path RUNTIME = Path.of(System.getProperty("blitz.runtime.home", "missing"));
    private static final Path WORKBENCH = Path.of(System.getProperty("blitz.workbench.home", "missing"));
    private static final String PROBE_LINE = "31B0000007D0FDF3DC0000000000";

    @Test
    void aTemplatePluginBuildsAgainstTheSdkAloneAndRunsInBothProducts(@TempDir Path work) throws Exception {
        long started = System.nanoTime();
        // 1. unpack the SDK archive; 2. copy its template
        Path sdk = unpack(sdkArchive(), work);
        Path plugin = work.resolve("soil-probe");
        copyTree(sdk.resolve("template"), plugin);

        // 3. build it and run its tests against the SDK
        String build = run(plugin, Duration.ofMinutes(10), "./mvnw", "-o", "-B", "verify", "-Dblitz.sdk=" + sdk);
        assertTrue(build.contains("Tests run: 29, Failures: 0, Errors: 0, Skipped: 0") && build.contains("BUILD SUCCESS"),
                () -> "the template's conformance and registry tests:\n" + tail(build));
        long built = System.nanoTime();

        // 4. install: its two bundles into the plug-ins folder of each product's data folder
        Path runtimeData = install(plugin, work.resolve("runtime-data"));
        Path workbenchData = install(plugin, work.resolve("workbench-data"));

        // 5. the runtime knows the board, decodes a line and logs the simulated board's replayed lines
        try (ProductProcess runtime = ProductProcess.start(RUNTIME.resolve("bin/blitz-runtime"), List.of("--console", "--data",
                runtimeData.toString(), "--port", Integer.toString(FreePort.pick()), "--simulate-file",
                plugin.resolve("board-31.lines").toString()), Map.of())) {
            assertTrue(runtime.awaitOutput(out -> out.contains("Welcome to Apache Felix Gogo"), Duration.ofSeconds(90)),
                    () -> "no shell; output:\n" + runtime.output());
            String decoders = runtime.shell("blitz:decoders", Duration.ofSeconds(20));
            assertTrue(decoders.contains("board 49 (31)") && decoders.contains("Soil Probe Board")
                    && decoders.contains("bundle org.example.blitz.soil 1.0.0."), decoders);
            String decoded = runtime.shell("blitz:decode " + PROBE_LINE, Duration.ofSeconds(20));
            assertTrue(decoded.contains("decoded: board 49 (31) (Soil Probe Board)") && decoded.contains("soil_temperature=-5.25 ") && decoded.contains("soil_moisture=88 ")
                    && decoded.contains("probe_alarm=1"), decoded);
            String boards = "";
            for (int attempt = 0; attempt < 60 && !boards.contains("Soil Probe Board"); attempt++) {
                Thread.sleep(500);
                boards = runtime.shell("blitz:boards", Duration.ofSeconds(20));
            }
            assertTrue(boards.contains("Soil Probe Board"), () -> "the simulated soil probe never answered:\n" + runtime.output());
            String start = runtime.shell("blitz:start", Duration.ofSeconds(30));
            assertTrue(start.contains("started"), start);
            String live = "";
            for (int attempt = 0; attempt < 60 && !live.contains("soil_moisture"); attempt++) {
                Thread.sleep(500);
                live = runtime.shell("blitz:live", Duration.ofSeconds(20));
            }
            assertTrue(live.contains("soil_temperature") && live.contains("board 31"),
                    "the replayed soil probe decoded live:\n" + live + "\n" + runtime.output());
        }
        long runtimeDone = System.nanoTime();

        // 6. the workbench shows the template's view
        try (WorkbenchProductTest.VirtualDisplay display = WorkbenchProductTest.VirtualDisplay.startOrReuse();
                ProductProcess workbench = ProductProcess.start(WORKBENCH.resolve("bin/blitz-workbench"),
                        List.of("--data", workbenchData.toString()), Map.of("DISPLAY", display.name()))) {
            Path log = workbenchData.resolve("logs/workbench.log");
            boolean shown = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!shown && System.nanoTime() < deadline && workbench.isAlive()) {
                Thread.sleep(500);
                shown = Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("Soil probe view shown")
                        && WorkbenchProductTest.mainWindowIsLarge(display.windowTree());
            }
            assertTrue(shown, () -> "the main window with the soil probe view never showed; output:\n" + workbench.output());
            Thread.sleep(1_000); // painted, for the screenshot
            display.screenshot(Path.of(System.getProperty("blitz.test.workdir", "target/work"), "workbench-plugin.png"));
        }
        System.out.printf("plug-in SDK walk-through: build %d s, runtime %d s, workbench %d s%n",
                TimeUnit.NANOSECONDS.toSeconds(built - started), TimeUnit.NANOSECONDS.toSeconds(runtimeDone - built),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - runtimeDone));
    }

    private static Path sdkArchive() throws IOException {
        try (Stream<Path> files = Files.list(PRODUCTS)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches("blitz-sdk-.*\\.zip")).toList();
            assertEquals(1, archives.size(), "one SDK archive beside the products: " + archives);
            return archives.get(0);
        }
    }

    /** Unpacks the archive into {@code into}, keeping the Maven wrapper executable; returns its one top folder. */
    private static Path unpack(Path archive, Path into) throws IOException {
        Path top = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(into), "an archive entry outside its folder: " + entry.getName());
                top = top == null ? into.resolve(into.relativize(target).getName(0)) : top;
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        assertTrue(top != null && top.resolve("template/mvnw").toFile().setExecutable(true), "an SDK archive with a template");
        return top;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Runs a command in {@code folder}, outside the outer build's Maven environment; returns its output. */
    private static String run(Path folder, Duration timeout, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("MAVEN_"));
        Path output = Files.createTempFile(folder, "build", ".log");
        Process process = builder.redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, () -> String.join(" ", command) + " still running after " + timeout + ":\n" + tail(text));
        return text;
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 12_000));
    }

    /** Step 4: the decoder's and the view's jars into {@code data/plugins}. */
    private static Path install(Path plugin, Path data) throws IOException {
        Path plugins = Files.createDirectories(data.resolve("plugins"));
        for (String module : List.of("org.example.blitz.soil", "org.example.blitz.soil.ui")) {
            Path jar = plugin.resolve(module).resolve("target").resolve(module + "-1.0.0-SNAPSHOT.jar");
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
        return data;
    }
}
