// SPDX-License-Identifier: EPL-2.0
package blitz.protocol;

/**
 * Requests the logger protocol endpoint received and those it refused, by reason.
 *
 * @param requests     every request received, refused or not
 * @param tooLong      longer than {@code maxRequestLength} ({@code ERROR 4})
 * @param notAscii     not printable ASCII ({@code ERROR 4})
 * @param missingToken no {@code AUTH <token>} while a token is required ({@code ERROR 6})
 * @param wrongToken   a wrong token ({@code ERROR 6}, or {@code ERROR 7} when it locked the host out)
 * @param lockedOut    from a host that is locked out ({@code ERROR 7})
 */
public record RequestCounts(long requests, long tooLong, long notAscii, long missingToken, long wrongToken, long lockedOut) {

    /** @return every refused request */
    public long refused() {
        return tooLong + notAscii + missingToken + wrongToken + lockedOut;
    }

    @Override
    public String toString() {
        return "requests=" + requests + " refused=" + refused() + " tooLong=" + tooLong + " notAscii=" + notAscii
                + " missingToken=" + missingToken + " wrongToken=" + wrongToken + " lockedOut=" + lockedOut;
    }
}
