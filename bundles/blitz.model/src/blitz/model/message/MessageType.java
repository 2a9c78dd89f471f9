// SPDX-License-Identifier: EPL-2.0
package blitz.model.message;

/** The 3-bit message type of a board message, as numbered by the expansion-board firmware. */
public enum MessageType {
    START, STOP, ACK, ERROR, INSTRUCTION, DATA, TRANSMIT,
    /** Blitz extension carrier: a data message whose payload starts with a sequence number. */
    EXTENDED;

    private static final MessageType[] BY_CODE = values();

    /** @return the type for a 3-bit code 0..7 */
    public static MessageType ofCode(int code) {
        return BY_CODE[code & 0x7];
    }

    public int code() {
        return ordinal();
    }
}
