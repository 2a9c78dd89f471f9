// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis.internal;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What went wrong connecting, naming the cause a user can fix (credentials, certificates), which
 * Lettuce hides behind "Unable to connect"; never the password (no message carries it).
 */
final class ConnectFailure implements Function<RuntimeException, String> {
    private final Supplier<String> where;
    private final String user;

    /**
     * @param where the store's description (topology and prefix)
     * @param user  the ACL user the credentials are for, empty for the default user
     */
    ConnectFailure(Supplier<String> where, String user) {
        this.where = where;
        this.user = user;
    }

    @Override
    public String apply(RuntimeException e) {
        Throwable root = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.startsWith("WRONGPASS") || message.startsWith("NOAUTH") || message.startsWith("NOPERM")) {
                return "Redis at " + where.get() + " refused the credentials of "
                        + (user.isEmpty() ? "the default user" : "user '" + user + "'")
                        + ": " + message + " (check 'user' and '.password' in the configuration)";
            }
            if (cause instanceof javax.net.ssl.SSLException) {
                return "Redis at " + where.get() + ": the TLS handshake failed: " + message
                        + " (is the server's certificate signed by the CA in 'caFile'?)";
            }
            root = cause;
        }
        return "Redis at " + where.get() + " is unreachable: " + e.getMessage()
                + (root == e ? "" : " (" + root.getMessage() + ")");
    }
}
