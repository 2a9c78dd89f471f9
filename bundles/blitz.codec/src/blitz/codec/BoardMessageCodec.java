// SPDX-License-Identifier: EPL-2.0
package blitz.codec;

import blitz.codec.MalformedLineException.Reason;
import blitz.model.message.BoardMessage;
import blitz.model.message.MessageType;

/**
 * Reads and writes board message lines: at least {@value BoardMessage#MIN_HEX_LENGTH} hex digits
 * (either case) holding sender (8 bits), type (3), five flags, timestamp (32) and a payload of any
 * length, kept with its exact bit count (4 bits per remaining hex digit). See {@code docs/protocol.md}.
 *
 * <p>Immutable and thread-safe. Lines longer than {@link #maxHexLength()} are refused so that a
 * runaway line cannot make one huge message.
 */
public final class BoardMessageCodec {
    /** Default longest accepted line, in hex characters. */
    public static final int DEFAULT_MAX_HEX_LENGTH = 4096;
    /** Hex characters before the payload: sender 2, meta 2, timestamp 8. */
    public static final int HEADER_HEX_LENGTH = 12;

    private static final BoardMessageCodec DEFAULT = new BoardMessageCodec(DEFAULT_MAX_HEX_LENGTH);

    private final int maxHexLength;

    /** @param maxHexLength the longest accepted line in hex characters, at least {@value BoardMessage#MIN_HEX_LENGTH} */
    public BoardMessageCodec(int maxHexLength) {
        if (maxHexLength < BoardMessage.MIN_HEX_LENGTH) {
            throw new IllegalArgumentException("maxHexLength must be at least " + BoardMessage.MIN_HEX_LENGTH + ": " + maxHexLength);
        }
        this.maxHexLength = maxHexLength;
    }

    /** @return a codec accepting lines up to {@value #DEFAULT_MAX_HEX_LENGTH} hex characters */
    public static BoardMessageCodec standard() {
        return DEFAULT;
    }

    public int maxHexLength() {
        return maxHexLength;
    }

    /**
     * Parses one line (without its terminator).
     *
     * @return the message
     * @throws MalformedLineException when the line is shorter than 28 or longer than
     *         {@link #maxHexLength()} characters, or holds a character that is not a hex digit
     */
    public BoardMessage parse(CharSequence line) throws MalformedLineException {
        int length = line.length();
        if (length < BoardMessage.MIN_HEX_LENGTH) {
            throw new MalformedLineException(Reason.TOO_SHORT, "board message shorter than " + BoardMessage.MIN_HEX_LENGTH
                    + " hex characters: " + MalformedLineException.preview(line));
        }
        if (length > maxHexLength) {
            throw new MalformedLineException(Reason.TOO_LONG,
                    "board message longer than " + maxHexLength + " hex characters: " + MalformedLineException.preview(line));
        }
        int bad = Hex.firstNonHex(line, 0, HEADER_HEX_LENGTH);
        if (bad >= 0) {
            throw notHex(line, bad);
        }
        int sender = (int) Hex.number(line, 0, 2);
        int meta = (int) Hex.number(line, 2, 2);
        long timestamp = Hex.number(line, 4, 8);
        MessageType type = MessageType.ofCode(meta >>> 5);
        try {
            // the payload is read where it is, in the line (a String cannot change under the message)
            return BoardMessage.ofHexPayload(sender, type, meta & 0x1F, timestamp, line.toString(), HEADER_HEX_LENGTH);
        } catch (IllegalArgumentException e) {
            throw notHex(line, Hex.firstNonHex(line, HEADER_HEX_LENGTH, length));
        }
    }

    private static MalformedLineException notHex(CharSequence line, int index) {
        return new MalformedLineException(Reason.NOT_HEX,
                "not a hex digit at index " + index + ": " + MalformedLineException.preview(line));
    }

    /**
     * Writes a message as the firmware does: uppercase hex, no terminator. A payload whose bit count
     * is not a multiple of four is padded with zero bits to the next hex digit.
     *
     * @throws IllegalArgumentException when the payload has fewer than 64 bits (the line would be
     *         shorter than a board message) or the line would exceed {@link #maxHexLength()}
     */
    public String encode(BoardMessage message) {
        int payloadDigits = (message.payloadBits() + 3) / 4;
        int length = HEADER_HEX_LENGTH + payloadDigits;
        if (length < BoardMessage.MIN_HEX_LENGTH || length > maxHexLength) {
            throw new IllegalArgumentException("a message with " + message.payloadBits() + " payload bits makes a line of "
                    + length + " hex characters; allowed are " + BoardMessage.MIN_HEX_LENGTH + ".." + maxHexLength);
        }
        StringBuilder out = new StringBuilder(length);
        Hex.append(out, message.sender(), 2);
        Hex.append(out, message.metaByte(), 2);
        Hex.append(out, message.timestamp(), 8);
        byte[] payload = message.payload();
        int lastBits = message.payloadBits() % 8;
        if (lastBits != 0) {
            payload[message.payloadBits() / 8] &= (byte) (0xFF << (8 - lastBits));
        }
        for (int digit = 0; digit < payloadDigits; digit++) {
            int b = payload[digit >> 1];
            Hex.append(out, (digit & 1) == 0 ? b >>> 4 : b, 1);
        }
        return out.toString();
    }
}
