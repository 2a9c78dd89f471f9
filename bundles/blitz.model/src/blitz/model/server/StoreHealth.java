// SPDX-License-Identifier: EPL-2.0
package blitz.model.server;

import java.util.Objects;

/**
 * The state of a server store's connection and buffers.
 *
 * @param connected        whether the backing server (if any) answers
 * @param bufferedMessages messages accepted but not yet stored (in memory and in the local spool)
 * @param spooledMessages  the part of {@code bufferedMessages} written to the local spool
 * @param detail           a human-readable line (the last error when not connected)
 */
public record StoreHealth(boolean connected, long bufferedMessages, long spooledMessages, String detail) {
    public StoreHealth {
        Objects.requireNonNull(detail, "detail");
    }
}
