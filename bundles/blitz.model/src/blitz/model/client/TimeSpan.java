// SPDX-License-Identifier: EPL-2.0
package blitz.model.client;

/**
 * The times of the first and the last reading of a session, both inclusive (ms since the session
 * started, as the boards stamp them).
 *
 * @param first time of the earliest reading
 * @param last  time of the latest reading, never before {@code first}
 */
public record TimeSpan(long first, long last) {
    public TimeSpan {
        if (last < first) {
            throw new IllegalArgumentException("a time span cannot end (" + last + ") before it starts (" + first + ")");
        }
    }
}
