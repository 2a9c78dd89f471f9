// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scratch folders for tests under {@code blitz.test.workdir} (set by the build), else the temp dir. */
public final class TestFolders {
    private TestFolders() {
    }

    /** @return the root of the tests' scratch space, created if needed */
    public static Path workDir() {
        String configured = System.getProperty("blitz.test.workdir");
        Path root = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "blitz-test-work")
                : Path.of(configured);
        try {
            return Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
    }

    /** @return a new, empty folder under {@link #workDir()} whose name starts with {@code prefix} */
    public static Path newFolder(String prefix) {
        try {
            return Files.createTempDirectory(workDir(), prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder in " + workDir(), e);
        }
    }
}
