// SPDX-License-Identifier: EPL-2.0
package blitz.model.decoder;

import java.util.Collection;
import java.util.Optional;

import blitz.model.message.BoardMessage;

/**
 * All board decoders known to the running system, keyed by board id, plus the per-variable
 * calibration. Provided as an OSGi service by {@code blitz.codec}.
 *
 * <p>Guarantees:
 * <ul>
 * <li>Decoders arrive and leave as OSGi services. The first decoder registered for a board id wins;
 * a second one for the same id is reported (logged and listed by {@link #conflicts()}) and never
 * replaces the first. When the first leaves, the next waiting one takes its place.</li>
 * <li>{@link #decode(String)} never throws: every failure comes back as a {@link DecodeResult}
 * status, so a caller can count bad lines and unknown boards.</li>
 * <li>All methods are thread-safe and never block on I/O.</li>
 * </ul>
 */
@org.osgi.annotation.versioning.ProviderType
public interface DecoderRegistry {
    /**
     * Service property of a {@link BoardDecoder}: where it comes from, {@link #BUILT_IN},
     * {@link #PLUG_IN} (assumed when absent) or {@link #FILE}.
     *
     * @since 1.1
     */
    String ORIGIN = "blitz.decoder.origin";
    /** Service property of a decoder read from a board definition file: that file. @since 1.1 */
    String ORIGIN_FILE = "blitz.decoder.file";
    /** {@link #ORIGIN} of the boards Blitz ships in Java. */
    String BUILT_IN = "built-in";
    /** {@link #ORIGIN} of a decoder a plug-in registers in Java. */
    String PLUG_IN = "plug-in";
    /** {@link #ORIGIN} of a decoder read from a board definition file. */
    String FILE = "file";

    /** @return the active decoder for a board id */
    Optional<BoardDecoder> decoderFor(int boardId);

    /** @return the active decoders, ordered by board id */
    Collection<BoardDecoder> decoders();

    /** @return the label and description of a board, {@code "Unknown"} when no decoder knows it */
    BoardDescription describe(int boardId);

    /**
     * Parses and decodes one raw line, applying calibration.
     *
     * @param line a raw board line without its line terminator
     * @return the result; never {@code null}, never thrown
     */
    DecodeResult decode(String line);

    /** Decodes an already parsed message, applying calibration. Never throws. */
    DecodeResult decode(BoardMessage message);

    /** @return the calibration applied to a variable (identity in the decoder's unit by default) */
    Calibration calibration(String variableName);

    /**
     * @return where the active decoder of a board comes from: {@link #ORIGIN}, followed by the
     *         {@link #ORIGIN_FILE} when there is one, such as {@code "file /data/boards/wind.json"};
     *         empty when no decoder knows the board
     * @since 1.1
     */
    default String origin(int boardId) {
        return decoderFor(boardId).isPresent() ? PLUG_IN : "";
    }

    /** @return descriptions of decoders that were refused because their board id was taken */
    Collection<String> conflicts();
}
