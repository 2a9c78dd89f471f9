// SPDX-License-Identifier: EPL-2.0
package blitz.codec;

import blitz.model.decoder.MessageDecodingException;
import blitz.model.message.BoardMessage;
import blitz.model.message.MessageType;

/**
 * The numbered-message extension for boards that number what they send (see
 * {@code docs/protocol.md}): a message of type {@link MessageType#EXTENDED} whose first
 * {@value #SEQUENCE_BITS} payload bits are a sequence number (unsigned, wrapping after
 * 2<sup>32</sup>-1 to 0, starting at 0 when the board starts) followed by the board's ordinary
 * payload. The "inner" message carries the ordinary payload as a {@link MessageType#DATA} message
 * with the same sender, flags and timestamp, so the board's ordinary decoder reads it unchanged.
 */
public final class NumberedMessages {
    /** Bits of the sequence number at the start of the payload. */
    public static final int SEQUENCE_BITS = 32;
    /** Sequence numbers run 0..{@value #SEQUENCE_MASK} and wrap. */
    public static final long SEQUENCE_MASK = 0xFFFF_FFFFL;

    private static final int SEQUENCE_BYTES = SEQUENCE_BITS / 8;

    private NumberedMessages() {
    }

    /** @return whether the message is of the extension type and long enough to carry a sequence number */
    public static boolean isNumbered(BoardMessage message) {
        return message.type() == MessageType.EXTENDED && message.payloadBits() >= SEQUENCE_BITS;
    }

    /**
     * Wraps an ordinary message as a numbered one.
     *
     * @param ordinary the board's ordinary message (its type is replaced by EXTENDED)
     * @param sequence 0..{@value #SEQUENCE_MASK}
     */
    public static BoardMessage number(BoardMessage ordinary, long sequence) {
        if (sequence < 0 || sequence > SEQUENCE_MASK) {
            throw new IllegalArgumentException("sequence must be an unsigned 32-bit number: " + sequence);
        }
        int innerBits = ordinary.payloadBits();
        byte[] inner = ordinary.payload();
        byte[] payload = new byte[SEQUENCE_BYTES + (innerBits + 7) / 8];
        for (int i = 0; i < SEQUENCE_BYTES; i++) {
            payload[i] = (byte) (sequence >>> (8 * (SEQUENCE_BYTES - 1 - i)));
        }
        System.arraycopy(inner, 0, payload, SEQUENCE_BYTES, payload.length - SEQUENCE_BYTES);
        return new BoardMessage(ordinary.sender(), MessageType.EXTENDED, ordinary.flagBits(), ordinary.timestamp(), payload,
                SEQUENCE_BITS + innerBits);
    }

    /**
     * @return the sequence number of a numbered message
     * @throws MessageDecodingException when the message is not a numbered one
     */
    public static long sequence(BoardMessage message) throws MessageDecodingException {
        requireNumbered(message);
        return message.unsigned(0, SEQUENCE_BITS);
    }

    /**
     * @return the board's ordinary message inside a numbered one: type DATA, same sender, flags and
     *         timestamp, payload = the bits after the sequence number
     * @throws MessageDecodingException when the message is not a numbered one
     */
    public static BoardMessage inner(BoardMessage message) throws MessageDecodingException {
        requireNumbered(message);
        return message.payloadFrom(SEQUENCE_BITS, MessageType.DATA);
    }

    private static void requireNumbered(BoardMessage message) throws MessageDecodingException {
        if (!isNumbered(message)) {
            throw new MessageDecodingException("not a numbered message (type " + message.type() + ", "
                    + message.payloadBits() + " payload bits; needs EXTENDED with at least " + SEQUENCE_BITS + ")");
        }
    }
}
