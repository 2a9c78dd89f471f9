package blitz.ui.internal;

import java.util.Optional;
import java.util.logging.Logger;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

import blitz.model.connection.Endpoint;

/**
 * The last runtime the user connected to, kept in the workbench's instance preferences (node
 * {@code blitz.ui}). The token is kept only when the user asks for it, since preferences are plain
 * text on disk.
 */
public final class ConnectionPreferences {
    static final String NODE = "blitz.ui";
    static final String HOST = "connection.host";
    static final String PORT = "connection.port";
    static final String TOKEN = "connection.token";
    /** The runtime's CURVE public key: public, so always kept. */
    static final String SERVER_KEY = "connection.serverKey";
    public static final String DEFAULT_HOST = "127.0.0.1";
    private static final Logger LOG = Logger.getLogger(ConnectionPreferences.class.getName());

    private final IEclipsePreferences node;

    private ConnectionPreferences(IEclipsePreferences node) {
        this.node = node;
    }

    public static ConnectionPreferences instance() {
        return new ConnectionPreferences(InstanceScope.INSTANCE.getNode(NODE));
    }

    /** @return the remembered endpoint, or the original's default {@code 127.0.0.1:8999} */
    public Endpoint endpoint() {
        int port = node.getInt(PORT, Endpoint.DEFAULT_PORT);
        if (port < 1 || port > 65535) {
            port = Endpoint.DEFAULT_PORT;
        }
        String token = node.get(TOKEN, "");
        String serverKey = node.get(SERVER_KEY, "");
        return new Endpoint(node.get(HOST, DEFAULT_HOST), port, token.isEmpty() ? Optional.empty() : Optional.of(token),
                Endpoint.isCurveKey(serverKey) ? Optional.of(serverKey) : Optional.empty());
    }

    /** Remembers an endpoint; its token only when {@code rememberToken}. */
    public void remember(Endpoint endpoint, boolean rememberToken) {
        node.put(HOST, endpoint.host());
        node.putInt(PORT, endpoint.port());
        if (rememberToken && endpoint.token().isPresent()) {
            node.put(TOKEN, endpoint.token().get());
        } else {
            node.remove(TOKEN);
        }
        if (endpoint.serverKey().isPresent()) {
            node.put(SERVER_KEY, endpoint.serverKey().get());
        } else {
            node.remove(SERVER_KEY);
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warning("could not save the connection preferences: " + e.getMessage());
        }
    }
}
