// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files;

import java.util.List;
import java.util.Objects;

import blitz.boards.FieldLayoutDecoder;

/**
 * A board definition file, read and checked: its decoder and its recorded fixtures.
 *
 * @param origin      the file (a path, or {@code bundle-name!/entry})
 * @param decoder     the board's decoder; its description is the file's {@code name}
 * @param description the file's longer {@code description}, may be empty
 * @param fixtures    the recorded lines, each already checked against the decoder
 */
public record BoardFile(String origin, FieldLayoutDecoder decoder, String description, List<BoardFixture> fixtures) {
    public BoardFile {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(description, "description");
        fixtures = List.copyOf(fixtures);
    }
}
