// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench product opens its main window on a real X server (Xvfb). Uses the DISPLAY it is given,
 * or starts its own Xvfb and stops it by PID.
 */
class WorkbenchProductTest {
    private static final Path HOME = Path.of(System.getProperty("blitz.workbench.home", "missing"));
    private static final Pattern MAIN_WINDOW = Pattern.compile("\"Blitz Data Logger ?\":.*?(\\d+)x(\\d+)\\+");

    @Test
    void opensTheMainWindow(@TempDir Path data) throws Exception {
        try {
            openMainWindow(data);
        } catch (Throwable failure) {
            // The temporary data folder is deleted after the test: keep the workbench's logs for the diagnosis,
            // its own and the platform's ("An error has occurred. See the log file ...").
            ProductLog.attach(failure, data.resolve("logs/workbench.log"), "WorkbenchProductTest-workbench.log");
            try (Stream<Path> platformLogs = Files.list(data.resolve("workbench-configuration"))) {
                platformLogs.filter(file -> file.toString().endsWith(".log")).forEach(
                        log -> ProductLog.attach(failure, log, "WorkbenchProductTest-" + log.getFileName()));
            } catch (IOException noConfiguration) {
                failure.addSuppressed(noConfiguration);
            }
            throw failure;
        }
    }

    private static void openMainWindow(Path data) throws Exception {
        try (VirtualDisplay display = VirtualDisplay.startOrReuse();
                ProductProcess workbench = ProductProcess.start(HOME.resolve("bin/blitz-workbench"),
                        List.of("--data", data.toString()), Map.of("DISPLAY", display.name()))) {
            boolean shown = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!shown && System.nanoTime() < deadline && workbench.isAlive()) {
                shown = mainWindowIsLarge(display.windowTree());
                Thread.sleep(250);
            }
            assertTrue(shown, () -> "no main window; output:\n" + workbench.output());
            display.screenshot(Path.of(System.getProperty("blitz.test.workdir", "target/work"), "workbench.png"));
            Path log = data.resolve("workbench-workspace/.metadata/.log");
            String errors = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            assertFalse(errors.contains("!ENTRY") && errors.contains(" 4 "), () -> "errors logged:\n" + errors);
        }
    }

    static boolean mainWindowIsLarge(String tree) {
        Matcher window = MAIN_WINDOW.matcher(tree);
        while (window.find()) {
            if (Integer.parseInt(window.group(1)) >= 600 && Integer.parseInt(window.group(2)) >= 400) {
                return true;
            }
        }
        return false;
    }

    /** The X display the test uses: the caller's, or an Xvfb of its own. */
    static final class VirtualDisplay implements AutoCloseable {
        private final String name;
        private final Process xvfb;

        private VirtualDisplay(String name, Process xvfb) {
            this.name = name;
            this.xvfb = xvfb;
        }

        static VirtualDisplay startOrReuse() throws IOException, InterruptedException {
            String existing = System.getenv("DISPLAY");
            if (existing != null && !existing.isBlank()) {
                return new VirtualDisplay(existing, null);
            }
            for (int number = 90; number < 120; number++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + number))) {
                    continue;
                }
                Process xvfb = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1280x1024x24", "-nolisten",
                        "tcp").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                for (int i = 0; i < 50 && xvfb.isAlive(); i++) {
                    if (Files.exists(Path.of("/tmp/.X11-unix/X" + number))) {
                        return new VirtualDisplay(":" + number, xvfb);
                    }
                    Thread.sleep(100);
                }
                xvfb.destroyForcibly();
            }
            throw new IllegalStateException("could not start Xvfb (Debian package xvfb)");
        }

        String name() {
            return name;
        }

        String windowTree() throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true);
            builder.environment().put("DISPLAY", name);
            Process xwininfo = builder.start();
            xwininfo.getOutputStream().close();
            String out = new String(xwininfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            xwininfo.waitFor(10, TimeUnit.SECONDS);
            return out;
        }

        /** Saves a PNG of the screen when ImageMagick is there; a missing tool is not a test failure. */
        void screenshot(Path png) throws IOException, InterruptedException {
            Files.createDirectories(png.getParent());
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", "xwd -root -silent | convert xwd:- '" + png + "'")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("DISPLAY", name);
            builder.start().waitFor(20, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            if (xvfb != null) {
                xvfb.destroy();
                if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                    xvfb.destroyForcibly();
                }
            }
        }
    }
}
