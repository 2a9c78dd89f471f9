// SPDX-License-Identifier: EPL-2.0
package blitz.model.server;

import java.io.IOException;

/**
 * The store (its backing server or disk) does not answer. A checked exception: a store's writer
 * buffers and retries when it gets one, and a caller starting a session must decide what its user is
 * told (the protocol answers {@code ERROR 3}), so neither can overlook it.
 */
public class StoreUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
