// SPDX-License-Identifier: EPL-2.0
package blitz.model.decoder;

import java.util.List;
import java.util.Objects;

import blitz.model.message.BoardMessage;

/**
 * The outcome of decoding one raw line through the {@link DecoderRegistry}: either values or the
 * reason there are none. Never thrown; callers count the failures they see.
 *
 * @param status  what happened
 * @param message the parsed message, {@code null} when the line was not a board message
 * @param values  calibrated values, empty unless {@code status} is {@link Status#DECODED}
 * @param detail  why decoding failed, {@code ""} on success
 */
public record DecodeResult(Status status, BoardMessage message, List<DecodedValue> values, String detail) {

    public enum Status {
        /** Values were decoded. */
        DECODED,
        /** The line is not a board message (not hex, shorter than 28 characters). */
        MALFORMED,
        /** A well-formed message from a board id no decoder is registered for. */
        UNKNOWN_BOARD,
        /** The board's decoder rejected the message. */
        REJECTED
    }

    public DecodeResult {
        Objects.requireNonNull(status, "status");
        // an immutable list of numbers is kept as it is: no copy per message
        values = values instanceof DecodedValues ? values : List.copyOf(values);
        Objects.requireNonNull(detail, "detail");
    }

    public boolean isDecoded() {
        return status == Status.DECODED;
    }
}
