// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import blitz.boards.files.internal.BoardFileParser;

/**
 * Reads board definition files (JSON, schema {@code docs/schemas/board.schema.json}). A file is
 * accepted only whole: syntax, keys and types, unique field names, fields that neither overlap nor
 * leave the payload, formulas, and every recorded fixture decoding to its values.
 */
public final class BoardFiles {
    /** The extension of board files; other files in a boards folder are ignored. */
    public static final String EXTENSION = ".json";

    private BoardFiles() {
    }

    /**
     * @param origin the file's name for messages (a path or a bundle entry)
     * @param text   the file's content
     * @throws BoardFileException naming the file, line, column and problem
     */
    public static BoardFile parse(String origin, String text) throws BoardFileException {
        return BoardFileParser.parse(origin, text);
    }

    /** Reads a file as UTF-8 and {@linkplain #parse parses} it. */
    public static BoardFile read(Path file) throws BoardFileException {
        return parse(file.toString(), text(file));
    }

    /** @return the file's text (UTF-8) */
    public static String text(Path file) throws BoardFileException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new BoardFileException(file.toString(), 0, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new BoardFileException(file.toString(), 0, 0, "cannot read: " + e);
        }
    }
}
