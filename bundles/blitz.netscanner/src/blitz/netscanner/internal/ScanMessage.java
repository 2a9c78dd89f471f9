// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.internal;

import java.util.regex.Pattern;

/**
 * Turns one NetScanner reply to {@code rFFFF0} into the synthetic board line the original server
 * queued: {@code <board id> 50 <elapsed ms, 8 hex> <16 x 8 hex>}, 140 characters. The channels go in
 * reverse order (so a decoder's Channel_1 is the 16th value the device sent), each as the uint32
 * {@code (long) (value * 1e6 + 2e6)} — the same double arithmetic and truncation toward zero as the
 * original's {@code int(float(r) * 1e6 + 2e6)}.
 */
final class ScanMessage {
    static final int CHANNELS = 16;
    /** Meta byte of the original's messages: type 2, flag1 set. */
    static final String META = "50";
    static final int LENGTH = 2 + 2 + 8 + CHANNELS * 8;

    private static final double SCALE = 1e6;
    private static final double OFFSET = 2e6;
    private static final long MAX_ENCODED = 0xFFFF_FFFFL;
    /** A plain decimal number as the device prints it; Java-only forms (NaN, hex floats, 1d) are not. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ScanMessage() {
    }

    /**
     * @param boardId   the configured board id (0..255)
     * @param elapsedMs milliseconds since the source started; wraps at 32 bits like a board's clock
     * @param reply     the device's reply: 16 whitespace-separated decimal numbers (kPa)
     * @return the board line
     * @throws BadReplyException why the reply is not a reading of 16 encodable channels
     */
    static String encode(int boardId, long elapsedMs, String reply) throws BadReplyException {
        String trimmed = reply.strip();
        String[] values = trimmed.isEmpty() ? new String[0] : WHITESPACE.split(trimmed);
        if (values.length != CHANNELS) {
            throw new BadReplyException("expected " + CHANNELS + " values, got " + values.length);
        }
        StringBuilder line = new StringBuilder(LENGTH);
        appendHex(line, boardId, 2);
        line.append(META);
        appendHex(line, elapsedMs & MAX_ENCODED, 8);
        for (int channel = CHANNELS - 1; channel >= 0; channel--) {
            appendHex(line, encodeValue(values[channel], channel + 1), 8);
        }
        return line.toString();
    }

    private static long encodeValue(String text, int position) throws BadReplyException {
        if (!DECIMAL.matcher(text).matches()) {
            throw new BadReplyException("value " + position + " is not a number: \"" + text + "\"");
        }
        long encoded = (long) (Double.parseDouble(text) * SCALE + OFFSET);
        if (encoded < 0 || encoded > MAX_ENCODED) {
            throw new BadReplyException("value " + position + " (" + text + " kPa) is outside the encodable range -2 .. "
                    + (MAX_ENCODED - OFFSET) / SCALE + " kPa");
        }
        return encoded;
    }

    private static void appendHex(StringBuilder out, long value, int digits) {
        String hex = Long.toHexString(value).toUpperCase();
        out.append("0".repeat(digits - hex.length())).append(hex);
    }

    /** A reply that is not a reading: counted as a bad line. */
    static final class BadReplyException extends Exception {
        private static final long serialVersionUID = 1L;

        BadReplyException(String message) {
            super(message);
        }
    }
}
