// SPDX-License-Identifier: EPL-2.0
package blitz.source.support;

/** The start of a bad line or reply, printable, for a loss event's detail. */
public final class LinePreview {
    private static final int LENGTH = 40;

    private LinePreview() {
    }

    /** @return the first 40 characters in quotes, control and non-ASCII characters as {@code \xNN}, "..." when cut */
    public static String of(String line) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(line.length(), LENGTH); i++) {
            char c = line.charAt(i);
            out.append(c >= ' ' && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return out.append(line.length() > LENGTH ? "...\"" : "\"").toString();
    }
}
