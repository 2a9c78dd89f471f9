// SPDX-License-Identifier: EPL-2.0
package blitz.codec;

import java.util.Optional;

import blitz.codec.MalformedLineException.Reason;

/**
 * A 4-character short message {@code <id><code>}: two hex digits of board id, two of code, such as
 * {@code 0840} (board 8 acknowledges) or {@code 08C0} (host asks board 8 to transmit).
 *
 * @param boardId 0..255
 * @param code    0..255; see {@link ShortCode} for the known ones
 */
public record ShortMessage(int boardId, int code) {
    /** Length of a short message line. */
    public static final int LENGTH = 4;

    public ShortMessage {
        if (boardId < 0 || boardId > 0xFF || code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("board id and code must be 0..255: " + boardId + ", " + code);
        }
    }

    public static ShortMessage of(int boardId, ShortCode code) {
        return new ShortMessage(boardId, code.code());
    }

    /**
     * @param line exactly four hex digits, either case
     * @throws MalformedLineException when the line is not four hex digits
     */
    public static ShortMessage parse(CharSequence line) throws MalformedLineException {
        if (line.length() != LENGTH) {
            throw new MalformedLineException(line.length() < LENGTH ? Reason.TOO_SHORT : Reason.TOO_LONG,
                    "a short message has " + LENGTH + " hex characters: " + MalformedLineException.preview(line));
        }
        int bad = Hex.firstNonHex(line, 0, LENGTH);
        if (bad >= 0) {
            throw new MalformedLineException(Reason.NOT_HEX,
                    "not a hex digit at index " + bad + ": " + MalformedLineException.preview(line));
        }
        return new ShortMessage((int) Hex.number(line, 0, 2), (int) Hex.number(line, 2, 2));
    }

    /** @return the named code, empty for a code this protocol does not know */
    public Optional<ShortCode> knownCode() {
        return ShortCode.of(code);
    }

    public boolean is(ShortCode known) {
        return code == known.code();
    }

    /** @return whether the code is one of the board error replies {@code 61}..{@code 66} */
    public boolean isError() {
        return knownCode().map(ShortCode::isError).orElse(false);
    }

    /** @return the line in uppercase hex, without terminator, e.g. {@code "08C0"} */
    public String encode() {
        StringBuilder out = new StringBuilder(LENGTH);
        Hex.append(out, boardId, 2);
        Hex.append(out, code, 2);
        return out.toString();
    }
}
