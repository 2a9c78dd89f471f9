// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.HashMap;
import java.util.Map;

/** Parses the configuration's {@code "key=value, key=value"} lists (board rates, per-source baud rates). */
final class KeyValueList {
    private KeyValueList() {
    }

    /**
     * @param text   e.g. {@code "08=10, 0a=2"}; blank for none
     * @param what   what the values are, for the error message
     * @return the pairs, keys trimmed and lower-cased
     * @throws IllegalArgumentException on an entry without {@code =} or a value that is not a number
     */
    static Map<String, Double> parse(String text, String what) {
        Map<String, Double> values = new HashMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException(what + ": expected key=value, got '" + entry.trim() + "'");
            }
            try {
                values.put(entry.substring(0, equals).trim().toLowerCase(java.util.Locale.ROOT),
                        Double.parseDouble(entry.substring(equals + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": not a number in '" + entry.trim() + "'", e);
            }
        }
        return values;
    }
}
