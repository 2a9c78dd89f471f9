// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.connection.Endpoint;

/**
 * The runtimes the user connects to, kept in the workbench's instance preferences (node
 * {@code blitz.ui}): the default one (the last connected, or the one chosen in File ▸ Preferences… ▸
 * Runtimes), which the Connect dialog starts from, and the list of saved ones (child node
 * {@code runtimes}). A token is kept only when the user asks for it, since preferences are plain text
 * on disk; a runtime's CURVE server key is public and always kept.
 */
public final class ConnectionPreferences {
    static final String NODE = "blitz.ui";
    static final String HOST = "connection.host";
    static final String PORT = "connection.port";
    static final String TOKEN = "connection.token";
    static final String RUNTIMES = "runtimes";
    /** The runtime's CURVE public key: public, so always kept. */
    static final String SERVER_KEY = "connection.serverKey";
    public static final String DEFAULT_HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPreferences.class);

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
        return new Endpoint(node.get(HOST, DEFAULT_HOST), port, present(node.get(TOKEN, "")),
                curveKey(node.get(SERVER_KEY, "")));
    }

    /** Remembers an endpoint as the default and adds it to the saved runtimes; its token only when {@code rememberToken}. */
    public void remember(Endpoint endpoint, boolean rememberToken) {
        Endpoint kept = rememberToken ? endpoint : withoutToken(endpoint);
        List<Endpoint> saved = new ArrayList<>(runtimes());
        saved.removeIf(runtime -> sameAddress(runtime, endpoint));
        saved.add(0, kept);
        saveRuntimes(saved, 0);
    }

    /**
     * @return the saved runtimes (the ones the user connected to or added), in the user's order; the
     *         built-in default {@code 127.0.0.1:8999} only once it was saved
     */
    public List<Endpoint> runtimes() {
        List<Endpoint> saved = new ArrayList<>();
        try {
            var list = node.node(RUNTIMES);
            for (int index = 0; list.nodeExists(Integer.toString(index)); index++) {
                var runtime = list.node(Integer.toString(index));
                saved.add(new Endpoint(runtime.get("host", DEFAULT_HOST), runtime.getInt("port", Endpoint.DEFAULT_PORT),
                        present(runtime.get("token", "")), curveKey(runtime.get("serverKey", ""))));
            }
        } catch (BackingStoreException | IllegalArgumentException e) {
            LOG.warn("could not read the saved runtimes: {}", e.getMessage());
        }
        return saved;
    }

    /** Replaces the saved runtimes; {@code defaultIndex} (or none, with an empty list) becomes the default. */
    public void saveRuntimes(List<Endpoint> runtimes, int defaultIndex) {
        try {
            node.node(RUNTIMES).removeNode();
            var list = node.node(RUNTIMES);
            for (int index = 0; index < runtimes.size(); index++) {
                var runtime = list.node(Integer.toString(index));
                runtime.put("host", runtimes.get(index).host());
                runtime.putInt("port", runtimes.get(index).port());
                runtimes.get(index).token().ifPresent(token -> runtime.put("token", token));
                runtimes.get(index).serverKey().ifPresent(key -> runtime.put("serverKey", key));
            }
            if (runtimes.isEmpty()) {
                node.remove(HOST);
                node.remove(PORT);
                node.remove(TOKEN);
                node.remove(SERVER_KEY);
            } else {
                Endpoint chosen = runtimes.get(defaultIndex);
                node.put(HOST, chosen.host());
                node.putInt(PORT, chosen.port());
                chosen.token().ifPresentOrElse(token -> node.put(TOKEN, token), () -> node.remove(TOKEN));
                chosen.serverKey().ifPresentOrElse(key -> node.put(SERVER_KEY, key), () -> node.remove(SERVER_KEY));
            }
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("could not save the connection preferences: {}", e.getMessage());
        }
    }

    /** @return whether two endpoints name the same host and port */
    public static boolean sameAddress(Endpoint one, Endpoint other) {
        return one.host().equals(other.host()) && one.port() == other.port();
    }

    private static Endpoint withoutToken(Endpoint endpoint) {
        return new Endpoint(endpoint.host(), endpoint.port(), Optional.empty(), endpoint.serverKey());
    }

    private static Optional<String> present(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A damaged key in the preferences is dropped rather than refusing to open the dialog. */
    private static Optional<String> curveKey(String text) {
        return Endpoint.isCurveKey(text) ? Optional.of(text) : Optional.empty();
    }
}
