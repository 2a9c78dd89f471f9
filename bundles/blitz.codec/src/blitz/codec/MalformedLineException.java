// SPDX-License-Identifier: EPL-2.0
package blitz.codec;

import java.util.Objects;

import blitz.model.decoder.MessageDecodingException;

/** A line that is not a board message (or not a short message), with the reason why. */
public class MalformedLineException extends MessageDecodingException {
    private static final long serialVersionUID = 1L;

    /** Why a line was refused. */
    public enum Reason {
        /** A character that is not a hex digit. */
        NOT_HEX,
        /** Fewer hex characters than the format needs. */
        TOO_SHORT,
        /** More hex characters than the configured maximum (or than a short message has). */
        TOO_LONG
    }

    private final Reason reason;

    public MalformedLineException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** @return the start of a line for an error message: at most 40 characters, never the whole of a huge line */
    static String preview(CharSequence line) {
        return line.length() <= 40 ? "\"" + line + "\"" : "\"" + line.subSequence(0, 40) + "...\" (" + line.length() + " chars)";
    }
}
