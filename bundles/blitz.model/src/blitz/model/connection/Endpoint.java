// SPDX-License-Identifier: EPL-2.0
package blitz.model.connection;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a logging runtime listens.
 *
 * @param host      host name or address
 * @param port      TCP port (8999 by default, as the original)
 * @param token     the runtime's access token, when it requires one
 * @param serverKey the runtime's CURVE public key (40 Z85 characters, shell {@code protocol:key}) when it
 *                  encrypts the protocol; a client that has it talks CURVE, and gets no answer from a runtime
 *                  with another key
 */
public record Endpoint(String host, int port, Optional<String> token, Optional<String> serverKey) {
    public static final int DEFAULT_PORT = 8999;
    /** A CURVE key in Z85 (ZeroMQ's RFC 32 alphabet): 32 bytes as 40 characters. */
    private static final Pattern CURVE_KEY = Pattern.compile("[0-9a-zA-Z.\\-:+=^!/*?&<>()\\[\\]{}@%$#]{40}");

    public Endpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(serverKey, "serverKey");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        if (serverKey.isPresent() && !isCurveKey(serverKey.get())) {
            throw new IllegalArgumentException("the server key must be the 40-character Z85 public key the runtime's"
                    + " 'protocol:key' prints");
        }
    }

    /** An endpoint without CURVE. */
    public Endpoint(String host, int port, Optional<String> token) {
        this(host, port, token, Optional.empty());
    }

    public static Endpoint of(String host, int port) {
        return new Endpoint(host, port, Optional.empty());
    }

    /** @return whether {@code text} has the form of a CURVE key in Z85 */
    public static boolean isCurveKey(String text) {
        return text != null && CURVE_KEY.matcher(text).matches();
    }

    @Override
    public String toString() {
        // Never show the token; the server key is public but long.
        return host + ":" + port + (token.isPresent() ? " (token)" : "") + (serverKey.isPresent() ? " (CURVE)" : "");
    }
}
