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

/** The headless runtime product starts from its launch script and every Blitz bundle becomes active. */
class RuntimeProductTest {
    private static final Path HOME = Path.of(System.getProperty("blitz.runtime.home", "missing"));
    private static final Pattern BUNDLE_LINE = Pattern.compile("^\\s*\\d+\\|(\\w+)\\s*\\|\\s*\\d+\\|(Blitz[^|(]*)",
            Pattern.MULTILINE);

    @Test
    void startsWithEveryBlitzBundleActive(@TempDir Path data) throws Exception {
        try (ProductProcess runtime = ProductProcess.start(HOME.resolve("bin/blitz-runtime"),
                List.of("--console", "--data", data.toString()), Map.of())) {
            assertTrue(runtime.awaitOutput(out -> out.contains("Welcome to Apache Felix Gogo"), Duration.ofSeconds(60)),
                    () -> "no Gogo prompt; output:\n" + runtime.output());
            runtime.send("lb");
            assertTrue(runtime.awaitOutput(out -> out.contains("Blitz model"), Duration.ofSeconds(20)),
                    () -> "bundle list missing; output:\n" + runtime.output());
            Matcher lines = BUNDLE_LINE.matcher(runtime.output());
            int blitzBundles = 0;
            while (lines.find()) {
                blitzBundles++;
                String state = lines.group(1);
                String name = lines.group(2).trim();
                assertTrue(state.equals("Active"), () -> name + " is " + state + "\n" + runtime.output());
            }
            assertTrue(blitzBundles >= 1, () -> "no Blitz bundle listed:\n" + runtime.output());
            assertTrue(runtime.isAlive(), "runtime exited");
            assertTrue(Files.isDirectory(data.resolve("osgi-configuration")), "configuration area not in the data folder");
        }
    }
}
