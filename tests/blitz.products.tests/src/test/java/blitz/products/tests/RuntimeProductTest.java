// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless runtime product starts from its launch script and every Blitz bundle becomes active. Its
 * logger protocol is on a free port ({@code --port}): it must not take the default port from another run.
 */
class RuntimeProductTest {
    private static final Path HOME = Path.of(System.getProperty("blitz.runtime.home", "missing"));
    private static final Pattern BUNDLE_LINE = Pattern.compile("^\\s*\\d+\\|(\\w+)\\s*\\|\\s*\\d+\\|((?:Blitz|Example)[^|(]*)",
            Pattern.MULTILINE);

    /** @return one "name State" entry per Blitz bundle in a Gogo {@code lb} listing */
    private static String blitzBundleStates(String listing) {
        StringBuilder states = new StringBuilder();
        Matcher line = BUNDLE_LINE.matcher(listing);
        while (line.find()) {
            states.append(line.group(2).trim()).append(' ').append(line.group(1)).append("; ");
        }
        return states.toString();
    }

    @Test
    void startsWithEveryBlitzBundleActive(@TempDir Path data) throws Exception {
        try (ProductProcess runtime = ProductProcess.start(HOME.resolve("bin/blitz-runtime"),
                List.of("--console", "--data", data.toString(), "--port", Integer.toString(FreePort.pick())), Map.of())) {
            assertTrue(runtime.awaitOutput(out -> out.contains("Welcome to Apache Felix Gogo"), Duration.ofSeconds(60)),
                    () -> "no Gogo prompt; output:\n" + runtime.output());
            // Bundles reach their start level a moment after the shell is up: list until all are active.
            String states = "";
            for (int attempt = 0; attempt < 60; attempt++) {
                int before = runtime.output().length();
                runtime.send("lb");
                Thread.sleep(500);
                states = blitzBundleStates(runtime.output().substring(before));
                if (!states.isEmpty() && !states.contains("Resolved") && !states.contains("Installed")
                        && !states.contains("Starting")) {
                    break;
                }
            }
            String finalStates = states;
            for (String expected : List.of("Blitz model", "Blitz board message codec", "Blitz built-in expansion boards",
                    "Example plug-in: weather station board")) {
                assertTrue(Pattern.compile(Pattern.quote(expected) + "[^;]* Active;").matcher(finalStates).find(),
                        () -> expected + " not active: " + finalStates);
            }
            assertTrue(!finalStates.contains("Resolved") && !finalStates.contains("Installed"),
                    () -> "some Blitz bundle did not start: " + finalStates);
            assertTrue(runtime.isAlive(), "runtime exited");
            assertTrue(Files.isDirectory(data.resolve("osgi-configuration")), "configuration area not in the data folder");
        }
    }
}
