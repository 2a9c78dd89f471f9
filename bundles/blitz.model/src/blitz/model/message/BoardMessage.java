package blitz.model.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * A parsed board message. Immutable; the payload is kept as bytes with its exact bit length (a
 * whole number of hex digits, so a multiple of 4 bits).
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
    private final byte[] payload;
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
        if (sender < 0 || sender > 0xFF) {
            throw new IllegalArgumentException("sender must be 0..255: " + sender);
        }
        if (flags < 0 || flags > 0x1F) {
            throw new IllegalArgumentException("flags must be 5 bits: " + flags);
        }
        if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp must be an unsigned 32-bit value: " + timestamp);
        }
        if (payloadBits < 0 || payloadBits > payload.length * 8) {
            throw new IllegalArgumentException("payloadBits out of range: " + payloadBits);
        }
        this.sender = sender;
        this.type = Objects.requireNonNull(type, "type");
        this.flags = flags;
        this.timestamp = timestamp;
        this.payload = payload.clone();
        this.payloadBits = payloadBits;
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
        return payload.clone();
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
        // a byte (or the part of one inside the range) at a time: a 12-bit field takes two steps, not twelve
        long value = 0;
        int end = bitOffset + bitLength;
        for (int bit = bitOffset; bit < end;) {
            int inByte = bit & 7;
            int take = Math.min(8 - inByte, end - bit);
            int bits = (payload[bit >>> 3] & 0xFF) >>> (8 - inByte - take) & (1 << take) - 1;
            value = value << take | bits;
            bit += take;
        }
        return value;
    }

    /** @return whether payload bit {@code bitOffset} is set */
    public boolean bit(int bitOffset) {
        return unsigned(bitOffset, 1) == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoardMessage m && m.sender == sender && m.type == type && m.flags == flags
                && m.timestamp == timestamp && m.payloadBits == payloadBits && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sender, type, flags, timestamp, payloadBits, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "BoardMessage[sender=" + sender + ", type=" + type + ", flags=" + Integer.toBinaryString(flags)
                + ", timestamp=" + timestamp + ", payloadBits=" + payloadBits + "]";
    }
}
