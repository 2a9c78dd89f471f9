// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import blitz.boards.files.BoardFile;
import blitz.boards.files.BoardFileException;
import blitz.boards.files.BoardFiles;

/** The board files Blitz ships: the six built-in boards and the weather example (paths from the test pom). */
final class BoardFilesOnDisk {
    private BoardFilesOnDisk() {
    }

    static List<Path> builtIn() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("blitz.test.builtin.boards")))) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertEquals(6, sorted.size(), "one file per built-in board: " + sorted);
            return sorted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path weather() {
        return Path.of(System.getProperty("blitz.test.weather.board"));
    }

    static List<Path> all() {
        List<Path> all = new ArrayList<>(builtIn());
        all.add(weather());
        return all;
    }

    static BoardFile read(Path file) {
        try {
            return BoardFiles.read(file);
        } catch (BoardFileException e) {
            return fail(e.getMessage());
        }
    }
}
