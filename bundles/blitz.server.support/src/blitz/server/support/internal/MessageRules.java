// SPDX-License-Identifier: EPL-2.0
package blitz.server.support.internal;

import blitz.model.server.ServerStore;

/** The one place that decides which messages a store accepts. */
public final class MessageRules {
    private MessageRules() {
    }

    /** @return whether {@code message} may be stored: not null, not empty, not too long */
    public static boolean acceptable(String message) {
        return message != null && !message.isEmpty() && message.length() <= ServerStore.MAX_MESSAGE_LENGTH;
    }

    /** @return why {@code message} is refused, for the log */
    public static String refusal(String message) {
        if (message == null) {
            return "null message";
        }
        if (message.isEmpty()) {
            return "empty message";
        }
        return "message of " + message.length() + " characters is longer than " + ServerStore.MAX_MESSAGE_LENGTH;
    }
}
