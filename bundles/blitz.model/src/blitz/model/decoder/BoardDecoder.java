// SPDX-License-Identifier: EPL-2.0
package blitz.model.decoder;

import java.util.List;

import blitz.model.message.BoardMessage;

/**
 * Decodes the messages of one board type into named values. Registered as an OSGi service; the
 * {@link DecoderRegistry} picks it up by {@link #boardId()}.
 *
 * <p>Contract every implementation must keep (checked by the decoder conformance kit in
 * {@code tests/blitz.decoder.conformance}):
 * <ul>
 * <li>{@link #boardId()}, {@link #description()} and {@link #variables()} are constant for the
 * life of the service.</li>
 * <li>{@link #decode} is a pure function of the message: thread-safe, no I/O, no state kept between
 * calls.</li>
 * <li>{@link #decode} returns values only for variables listed in {@link #variables()}, each name at
 * most once, in the order of {@link #variables()}; values are raw (uncalibrated) and finite.</li>
 * <li>A message whose payload is too short for the decoder's layout, or that is otherwise not one
 * this board sends, raises {@link MessageDecodingException}; no other exception escapes.</li>
 * <li>Extra payload bits beyond the decoder's layout are ignored (the original accepted
 * "unlimited" payload length).</li>
 * </ul>
 */
@org.osgi.annotation.versioning.ConsumerType
public interface BoardDecoder {

    /** @return the board id 0..255 this decoder handles (the message's sender field) */
    int boardId();

    /** @return a short human-readable description, such as {@code "Blitz Basic Expansion Board"} */
    String description();

    /** @return the variables this decoder produces, in output order, with their default units */
    List<VariableSpec> variables();

    /**
     * @param message a message whose {@link BoardMessage#sender()} is {@link #boardId()}
     * @return the raw values, in the order of {@link #variables()}
     * @throws MessageDecodingException if the message cannot be decoded by this board's layout
     */
    List<DecodedValue> decode(BoardMessage message) throws MessageDecodingException;
}
