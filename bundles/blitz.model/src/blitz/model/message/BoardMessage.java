// SPDX-License-Identifier: EPL-2.0
package blitz.model.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * A parsed board message. Immutable; the payload is kept with its exact bit length, either as bytes
 * or, for a message read from a line ({@link #ofHexPayload}), as that line's hex digits, read in
 * place (the ingest path converts and copies nothing).
 *
 * <p>Bit numbering follows the original: bit 0 is the most significant bit of the first payload hex
 * digit, so {@code unsigned(0, 12)} reads the first three hex digits of the payload.
 */
public final class BoardMessage {
    /** Minimum length of a message line in hex characters (112 bits). */
    public static final int MIN_HEX_LENGTH = 28;
    /** Number of flags after the type bits. */
    public static final int FLAG_COUNT = 5;

    private final int sender;
    private final MessageType type;
    private final int flags;
    private final long timestamp;
    /** The payload as bytes; {@code null} when it is kept as hex digits. */
    private final byte[] payload;
    /** The line whose digits from {@link #hexFrom} on are the payload; {@code null} when kept as bytes. */
    private final String hexLine;
    private final int hexFrom;
    private final int payloadBits;

    /**
     * @param sender      board id 0..255
     * @param type        message type
     * @param flags       the five flag bits, flag 1 in bit 4 .. flag 5 in bit 0
     * @param timestamp   unsigned 32-bit milliseconds since the session started
     * @param payload     payload bytes, most significant bit first
     * @param payloadBits number of valid payload bits (&lt;= payload.length * 8)
     */
    public BoardMessage(int sender, MessageType type, int flags, long timestamp, byte[] payload, int payloadBits) {
        this(sender, type, flags, timestamp, payload.clone(), null, 0, payloadBits);
        if (payloadBits < 0 || payloadBits > payload.length * 8) {
            throw new IllegalArgumentException("payloadBits out of range: " + payloadBits);
        }
    }

    private BoardMessage(int sender, MessageType type, int flags, long timestamp, byte[] payload, String hexLine, int hexFrom,
            int payloadBits) {
        if (sender < 0 || sender > 0xFF) {
            throw new IllegalArgumentException("sender must be 0..255: " + sender);
        }
        if (flags < 0 || flags > 0x1F) {
            throw new IllegalArgumentException("flags must be 5 bits: " + flags);
        }
        if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp must be an unsigned 32-bit value: " + timestamp);
        }
        this.sender = sender;
        this.type = Objects.requireNonNull(type, "type");
        this.flags = flags;
        this.timestamp = timestamp;
        this.payload = payload;
        this.hexLine = hexLine;
        this.hexFrom = hexFrom;
        this.payloadBits = payloadBits;
    }

    /**
     * A message whose payload is the hex digits (either case) of {@code line} from {@code payloadFrom}
     * to its end, 4 bits per digit. The digits are read where they are: nothing is converted or copied.
     *
     * @throws IllegalArgumentException as the constructor, or when a payload character is not a hex digit
     */
    public static BoardMessage ofHexPayload(int sender, MessageType type, int flags, long timestamp, String line,
            int payloadFrom) {
        Objects.checkIndex(payloadFrom, line.length() + 1);
        for (int i = payloadFrom; i < line.length(); i++) {
            if (HexDigits.value(line.charAt(i)) < 0) {
                throw new IllegalArgumentException("not a hex digit at index " + i);
            }
        }
        return new BoardMessage(sender, type, flags, timestamp, null, line, payloadFrom, (line.length() - payloadFrom) * 4);
    }

    public int sender() {
        return sender;
    }

    public MessageType type() {
        return type;
    }

    /** @return the five flags as bits, flag 1 in bit 4 (the meta byte's low five bits) */
    public int flagBits() {
        return flags;
    }

    /**
     * @param index 0..4 (the original's {@code get_flag(n)}; index 0 is flag 1, the bit right after the type)
     * @return whether the flag is set
     * @throws IndexOutOfBoundsException outside 0..4
     */
    public boolean flag(int index) {
        Objects.checkIndex(index, FLAG_COUNT);
        return (flags & (1 << (FLAG_COUNT - 1 - index))) != 0;
    }

    /** @return the meta byte: type in the top three bits, flags in the low five */
    public int metaByte() {
        return type.code() << 5 | flags;
    }

    /** @return milliseconds since the session started on the board's clock */
    public long timestamp() {
        return timestamp;
    }

    public int payloadBits() {
        return payloadBits;
    }

    /** @return a copy of the payload bytes */
    public byte[] payload() {
        if (payload != null) {
            return payload.clone();
        }
        int digits = payloadBits / 4;
        byte[] bytes = new byte[(digits + 1) / 2];
        for (int digit = 0; digit < digits; digit++) {
            bytes[digit >> 1] |= (byte) (hexDigit(digit) << ((digit & 1) == 0 ? 4 : 0));
        }
        return bytes;
    }

    /**
     * The rest of the payload as a message of its own, such as the ordinary message inside a numbered one.
     *
     * @param bitOffset the first payload bit the new message keeps, 0..{@link #payloadBits()}
     * @param type      the new message's type
     * @return a message of {@code type} with this one's sender, flags and timestamp and the payload bits
     *         from {@code bitOffset} on; it reads this message's line in place when the payload is kept as
     *         hex digits and {@code bitOffset} is a whole number of them
     * @throws IndexOutOfBoundsException when {@code bitOffset} is outside 0..{@link #payloadBits()}
     */
    public BoardMessage payloadFrom(int bitOffset, MessageType type) {
        Objects.checkIndex(bitOffset, payloadBits + 1);
        int bits = payloadBits - bitOffset;
        if (payload == null && (bitOffset & 3) == 0) {
            return new BoardMessage(sender, type, flags, timestamp, null, hexLine, hexFrom + bitOffset / 4, bits);
        }
        byte[] rest;
        if (payload != null && (bitOffset & 7) == 0) {
            rest = Arrays.copyOfRange(payload, bitOffset / 8, payload.length);
        } else {
            rest = new byte[(bits + 7) / 8];
            for (int i = 0; i < rest.length; i++) {
                int take = Math.min(8, bits - 8 * i);
                rest[i] = (byte) (unsigned(bitOffset + 8 * i, take) << (8 - take));
            }
        }
        return new BoardMessage(sender, type, flags, timestamp, rest, null, 0, bits);
    }

    /**
     * Reads an unsigned number from the payload.
     *
     * @param bitOffset first bit, 0 = most significant bit of the payload
     * @param bitLength number of bits, 1..64 (a 64-bit read may come back negative: treat it as unsigned)
     * @return the number
     * @throws IndexOutOfBoundsException if the bits are not all inside the payload
     */
    public long unsigned(int bitOffset, int bitLength) {
        if (bitLength < 1 || bitLength > 64) {
            throw new IllegalArgumentException("bitLength must be 1..64: " + bitLength);
        }
        Objects.checkFromIndexSize(bitOffset, bitLength, payloadBits);
        if (payload == null && ((bitOffset | bitLength) & 3) == 0) {
            // whole hex digits (a 12-bit channel, a 16-bit word): one step per digit, no bit arithmetic
            long value = 0;
            for (int digit = bitOffset >>> 2, end = digit + (bitLength >>> 2); digit < end; digit++) {
                value = value << 4 | hexDigit(digit);
            }
            return value;
        }
        // a byte or hex digit (or the part of one inside the range) at a time: a 12-bit field takes two or
        // three steps, not twelve
        int unitBits = payload != null ? 8 : 4;
        int unitShift = payload != null ? 3 : 2;
        long value = 0;
        int end = bitOffset + bitLength;
        for (int bit = bitOffset; bit < end;) {
            int inUnit = bit & unitBits - 1;
            int take = Math.min(unitBits - inUnit, end - bit);
            int unit = payload != null ? payload[bit >>> unitShift] & 0xFF : hexDigit(bit >>> unitShift);
            value = value << take | unit >>> (unitBits - inUnit - take) & (1 << take) - 1;
            bit += take;
        }
        return value;
    }

    private int hexDigit(int index) {
        return HexDigits.value(hexLine.charAt(hexFrom + index));
    }

    /** @return whether payload bit {@code bitOffset} is set */
    public boolean bit(int bitOffset) {
        return unsigned(bitOffset, 1) == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoardMessage m && m.sender == sender && m.type == type && m.flags == flags
                && m.timestamp == timestamp && m.payloadBits == payloadBits && Arrays.equals(m.payloadBytes(), payloadBytes());
    }

    /** @return the payload bytes, not copied when kept as bytes (for reading only) */
    private byte[] payloadBytes() {
        return payload != null ? payload : payload();
    }

    @Override
    public int hashCode() {
        return Objects.hash(sender, type, flags, timestamp, payloadBits, Arrays.hashCode(payloadBytes()));
    }

    @Override
    public String toString() {
        return "BoardMessage[sender=" + sender + ", type=" + type + ", flags=" + Integer.toBinaryString(flags)
                + ", timestamp=" + timestamp + ", payloadBits=" + payloadBits + "]";
    }
}
