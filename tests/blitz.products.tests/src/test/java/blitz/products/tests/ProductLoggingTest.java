// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless client product logs to its data folder: it writes {@code DATA/logback.xml} on its first
 * start, and {@code DATA/logs/client.log} gets Blitz's own lines, java.util.logging's (through the
 * bridge), Derby's error log and EclipseLink's log. (EclipseLink logs only warnings in normal use: the
 * test raises one of its categories to CONFIG so that it says something.)
 */
class ProductLoggingTest {
    private static final Path HOME = Path.of(System.getProperty("blitz.client.home", "missing"));

    @Test
    void theHeadlessClientLogsBlitzJulDerbyAndEclipseLinkToDataLogs(@TempDir Path data) throws Exception {
        Path log = data.resolve("logs/client.log");
        try (ProductProcess client = ProductProcess.start(HOME.resolve("bin/blitz-client"), List.of("--data", data.toString()),
                Map.of("BLITZ_JAVA_OPTS", "-Declipselink.logging.level.metadata=CONFIG"))) {
            assertTrue(client.awaitOutput(out -> out.contains("Welcome to Apache Felix Gogo"), Duration.ofSeconds(60)),
                    () -> "no Gogo prompt; output:\n" + client.output());
            List<String> expected = List.of(
                    "blitz.logging.internal.LogbackSetup - logging configured by " + data.resolve("logback.xml"),
                    "blitz.logging.internal.JulBridge - java.util.logging records go to SLF4J",
                    "org.apache.derby - Booting Derby",
                    "org.eclipse.persistence.metadata - ");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && !expected.stream().allMatch(line -> read(log).contains(line))) {
                Thread.sleep(250);
            }
            String logged = read(log);
            for (String line : expected) {
                assertTrue(logged.contains(line), () -> "'" + line + "' not in " + log + ":\n" + logged + "\noutput:\n" + client.output());
            }
            assertTrue(Files.readString(data.resolve("logback.xml")).contains("RollingFileAppender"), "the default configuration written");
            assertTrue(client.output().contains("org.apache.derby - Booting Derby"), "the console gets the same lines");
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
