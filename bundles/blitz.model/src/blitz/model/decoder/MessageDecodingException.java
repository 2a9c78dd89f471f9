// SPDX-License-Identifier: EPL-2.0
package blitz.model.decoder;

/** A board message (or line) that cannot be decoded: malformed, too short, or not for this board. */
public class MessageDecodingException extends Exception {
    private static final long serialVersionUID = 1L;

    public MessageDecodingException(String message) {
        super(message);
    }

    public MessageDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
