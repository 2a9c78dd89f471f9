// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;

/**
 * The client options every topology shares. Auto-reconnect is off, so Lettuce never replays a
 * command by itself: the store's writer re-sends a failed cycle itself and knows what Redis applied
 * (see {@link SessionLengths}).
 */
record LettuceOptions(SslOptions ssl, Duration connectTimeout, Duration commandTimeout) {

    /**
     * Applies the shared options to a (standalone or cluster) builder.
     *
     * @param whileDisconnected {@code REJECT_COMMANDS} fails a command at once on a connection that is
     *                          down; a cluster needs {@code ACCEPT_COMMANDS}, as it opens its node
     *                          connections on first use and would reject the command that opens one
     *                          (the command timeout still bounds the wait)
     */
    void applyTo(ClientOptions.Builder options, ClientOptions.DisconnectedBehavior whileDisconnected) {
        if (ssl != null) {
            options.sslOptions(ssl);
        }
        options.autoReconnect(false);
        options.disconnectedBehavior(whileDisconnected);
        options.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build());
        options.timeoutOptions(TimeoutOptions.enabled(commandTimeout));
    }
}
