package blitz.model.connection;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a logging runtime listens.
 *
 * @param host  host name or address
 * @param port  TCP port (8999 by default, as the original)
 * @param token the runtime's access token, when it requires one
 */
public record Endpoint(String host, int port, Optional<String> token) {
    public static final int DEFAULT_PORT = 8999;

    public Endpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
    }

    public static Endpoint of(String host, int port) {
        return new Endpoint(host, port, Optional.empty());
    }

    @Override
    public String toString() {
        // Never show the token.
        return host + ":" + port + (token.isPresent() ? " (token)" : "");
    }
}
