// SPDX-License-Identifier: EPL-2.0
package blitz.codec;

import java.util.Optional;

/**
 * The known codes of 4-character short messages {@code <id><code>}: instructions from the host to a
 * board and replies from a board. {@link #ACK} goes both ways.
 */
public enum ShortCode {
    START(0x00, Direction.TO_BOARD),
    STOP(0x20, Direction.TO_BOARD),
    ACK(0x40, Direction.BOTH),
    TRANSMIT(0xC0, Direction.TO_BOARD),
    ID_REQUEST(0x81, Direction.TO_BOARD),
    ID_REPLY(0x82, Direction.TO_HOST),
    STATUS_REQUEST(0x83, Direction.TO_BOARD),
    SET_SPEED(0x85, Direction.TO_BOARD),
    SET_ANGLE(0x86, Direction.TO_BOARD),
    MOTOR_HOME(0x87, Direction.TO_BOARD),
    CALIBRATION_STEP(0x88, Direction.TO_BOARD),
    ERROR_TOO_SHORT(0x61, Direction.TO_HOST),
    ERROR_SERIAL_BUFFER_FULL(0x62, Direction.TO_HOST),
    ERROR_NOT_IMPLEMENTED(0x63, Direction.TO_HOST),
    ERROR_UNKNOWN_MESSAGE(0x64, Direction.TO_HOST),
    ERROR_UNKNOWN_INSTRUCTION(0x65, Direction.TO_HOST),
    ERROR_NOT_LOGGING(0x66, Direction.TO_HOST);

    /** Who sends a code. */
    public enum Direction {
        TO_BOARD, TO_HOST, BOTH
    }

    private static final ShortCode[] BY_CODE = new ShortCode[256];
    static {
        for (ShortCode code : values()) {
            BY_CODE[code.code] = code;
        }
    }

    private final int code;
    private final Direction direction;

    ShortCode(int code, Direction direction) {
        this.code = code;
        this.direction = direction;
    }

    /** @return the code byte 0..255 */
    public int code() {
        return code;
    }

    public Direction direction() {
        return direction;
    }

    /** @return whether this is one of the board's error replies {@code 61}..{@code 66} */
    public boolean isError() {
        return code >= 0x61 && code <= 0x66;
    }

    /** @return the named code for a byte, empty when the byte is not a known code */
    public static Optional<ShortCode> of(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
