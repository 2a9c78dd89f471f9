// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A failing product test shows the product's own log ({@code DATA/logs/*.log}, where Derby's error
 * log goes too): its tail in the failure, the whole file kept under {@code target/product-logs}
 * because the test's data folder is deleted afterwards.
 */
final class ProductLog {
    /** Characters of the log's end put into the failure message. */
    private static final int TAIL = 20_000;
    private static final Path KEPT = Path.of("target", "product-logs");

    private ProductLog() {
    }

    /** Adds the tail of {@code log} to {@code failure} and copies the log to {@code target/product-logs/keptName}. */
    static void attach(Throwable failure, Path log, String keptName) {
        if (!Files.isRegularFile(log)) {
            failure.addSuppressed(new AssertionError("no product log at " + log));
            return;
        }
        try {
            Files.createDirectories(KEPT);
            Path kept = KEPT.resolve(keptName).toAbsolutePath();
            Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            String tail = text.length() > TAIL ? "..." + text.substring(text.length() - TAIL) : text;
            System.out.println("product log " + log + " (kept as " + kept + "):\n" + tail);
            failure.addSuppressed(new AssertionError("product log " + log + " (kept as " + kept + "), its end:\n" + tail));
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
