// SPDX-License-Identifier: EPL-2.0
package blitz.codec;

/**
 * Formats commands for a board the way the original host wrote them to the serial port: board id
 * in two hex digits followed by the instruction hex; a command longer than a short message is
 * padded on the right with {@code '0'} to {@value #PADDED_LENGTH} characters (the original's
 * length, one less than a board message). The line terminator is the caller's.
 */
public final class BoardCommand {
    /** Length the original padded long commands to. */
    public static final int PADDED_LENGTH = 27;

    private BoardCommand() {
    }

    /**
     * @param command an id-prefixed command such as {@code "0985000000000014"}
     * @return the command itself when it has at most four characters (or already
     *         {@value #PADDED_LENGTH} or more), else the command padded with {@code '0'} to
     *         {@value #PADDED_LENGTH}
     */
    public static String pad(String command) {
        if (command.length() <= ShortMessage.LENGTH || command.length() >= PADDED_LENGTH) {
            return command;
        }
        return command + "0".repeat(PADDED_LENGTH - command.length());
    }

    /**
     * @param boardId        0..255
     * @param instructionHex the instruction code and its arguments in hex, e.g. {@code "C0"} or
     *                       {@code "850000000000" + "14"}
     * @return the padded line, e.g. {@code "08C0"} or {@code "098500000000001400000000000"}
     * @throws IllegalArgumentException when the board id is out of range or the instruction is not hex
     */
    public static String format(int boardId, String instructionHex) {
        if (boardId < 0 || boardId > 0xFF) {
            throw new IllegalArgumentException("board id must be 0..255: " + boardId);
        }
        if (instructionHex.isEmpty() || Hex.firstNonHex(instructionHex, 0, instructionHex.length()) >= 0) {
            throw new IllegalArgumentException("instruction is not hex: \"" + instructionHex + "\"");
        }
        StringBuilder out = new StringBuilder(PADDED_LENGTH);
        Hex.append(out, boardId, 2);
        return pad(out.append(instructionHex).toString());
    }
}
