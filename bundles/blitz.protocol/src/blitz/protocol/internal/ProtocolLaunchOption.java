// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's protocol options, {@code --port N}, {@code --bind ADDRESS}, {@code --token-file FILE}
 * and {@code --curve} (framework properties {@value #PORT}, {@value #BIND}, {@value #TOKEN_FILE},
 * {@value #CURVE}): they set {@code port}, {@code bindAddress}, {@code .token} and {@code curve} of the
 * protocol's configuration ({@value ZmqRequestHandler#PID}) through Configuration Admin, as a user would.
 * The token comes from a file so that it never shows on a command line. The framework properties
 * {@value #CONVERSATION_TIMEOUT} and {@value #MAX_CLIENTS} (no script option; e.g. {@code -D} in
 * {@code BLITZ_JAVA_OPTS}) set {@code conversationTimeoutSeconds} and {@code maxClients} the same way.
 *
 * <p>An option holds its property for the launches that give it: the properties it set are listed
 * in {@value #MARKER}, and a value configured by other means that an option replaces is kept aside in
 * {@value #SAVED_PREFIX}{@code <property>}. A launch without the option puts that value back (or
 * removes the property, back to its default): nothing configured by other means is lost.
 *
 * <p>This bundle starts at a lower start level than the logger (see the runtime product), so the
 * configuration is stored before the server, which needs the logger, first activates: it never binds
 * the default port first. Equal values are not written again: an update would restart the server.
 */
@Component(immediate = true, service = {})
public final class ProtocolLaunchOption {
    static final String PORT = "blitz.protocol.port";
    static final String BIND = "blitz.protocol.bind";
    static final String TOKEN_FILE = "blitz.protocol.tokenFile";
    static final String CURVE = "blitz.protocol.curve";
    static final String CONVERSATION_TIMEOUT = "blitz.protocol.conversationTimeoutSeconds";
    static final String MAX_CLIENTS = "blitz.protocol.maxClients";
    static final String MARKER = "blitz.launchOption";
    /** Private (leading dot) like {@code .token}, whose configured value may be kept aside here. */
    static final String SAVED_PREFIX = ".blitz.launchOption.saved.";
    private static final String TOKEN = ".token";
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolLaunchOption.class);

    @Activate
    public ProtocolLaunchOption(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) throws IOException {
        Map<String, Object> options = options(context);
        Configuration configuration = configurationAdmin.getConfiguration(ZmqRequestHandler.PID, "?");
        Dictionary<String, Object> stored = configuration.getProperties();
        Dictionary<String, Object> properties = copy(stored);
        Set<String> held = held(properties);
        if (options.isEmpty() && held.isEmpty()) {
            return; // a configuration made by other means only: not ours to touch
        }
        for (String key : held) {
            if (!options.containsKey(key)) {
                release(properties, key);
            }
        }
        for (Map.Entry<String, Object> option : options.entrySet()) {
            String key = option.getKey();
            Object configured = properties.get(key);
            if (!held.contains(key) && configured != null) {
                properties.put(SAVED_PREFIX + key, configured);
                LOG.warn("The launch option for '{}' replaces the value configured in {} while it is"
                        + " given; launched without it, the runtime uses the configured value again", key, ZmqRequestHandler.PID);
            }
            properties.put(key, option.getValue());
        }
        if (options.isEmpty()) {
            properties.remove(MARKER);
        } else {
            properties.put(MARKER, String.join(",", new TreeSet<>(options.keySet())));
        }
        if (isEmpty(properties)) {
            configuration.delete();
        } else if (!sameProperties(stored, properties)) {
            configuration.update(properties);
        }
    }

    /** @return the properties the launch options ask for, by configuration key */
    private static Map<String, Object> options(BundleContext context) {
        Map<String, Object> options = new LinkedHashMap<>();
        String port = given(context, PORT);
        if (port != null) {
            try {
                int number = Integer.parseInt(port);
                if (number < 1 || number > 65535) {
                    throw new NumberFormatException();
                }
                options.put("port", number);
            } catch (NumberFormatException e) {
                LOG.error("--port: '{}' is not a TCP port (1-65535); the configured port is used", port);
            }
        }
        String bind = given(context, BIND);
        if (bind != null) {
            options.put("bindAddress", bind);
        }
        String tokenFile = given(context, TOKEN_FILE);
        if (tokenFile != null) {
            options.put(TOKEN, token(Path.of(tokenFile)));
        }
        if (Boolean.parseBoolean(given(context, CURVE))) {
            options.put("curve", Boolean.TRUE);
        }
        positive(context, CONVERSATION_TIMEOUT, "conversationTimeoutSeconds", options);
        positive(context, MAX_CLIENTS, "maxClients", options);
        return options;
    }

    /** Puts a framework property that holds a positive whole number into the options as {@code key}. */
    private static void positive(BundleContext context, String property, String key, Map<String, Object> options) {
        String value = given(context, property);
        if (value == null) {
            return;
        }
        if (value.matches("\\d{1,9}") && Integer.parseInt(value) > 0) {
            options.put(key, Integer.parseInt(value));
        } else {
            LOG.error("{}: '{}' is not a positive whole number; the configured {} is used", property, value, key);
        }
    }

    /**
     * The token is the file's first line. A file that cannot be read or holds no usable token gives an
     * unguessable token instead: the user asked for one, so the runtime must not answer without it.
     */
    private static String token(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            String token = lines.isEmpty() ? "" : lines.get(0).trim();
            if (token.chars().allMatch(c -> c > 0x20 && c < 0x7F) && !token.isEmpty()) {
                return token;
            }
            LOG.error("--token-file {}: its first line must be the token (printable ASCII, no spaces);"
                    + " every request is refused until the runtime is started with a usable token file", file);
        } catch (IOException e) {
            LOG.error("--token-file {} cannot be read ({}); every request is refused until the runtime"
                    + " is started with a readable token file", file, e.getMessage());
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private static String given(BundleContext context, String property) {
        String value = context.getProperty(property);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @return the properties the previous launch's options set */
    private static Set<String> held(Dictionary<String, Object> properties) {
        Object marker = properties.get(MARKER);
        return marker == null ? Set.of() : new TreeSet<>(List.of(marker.toString().split(",")));
    }

    /** Puts back the value an option kept aside, or removes the option's value (the default applies). */
    private static void release(Dictionary<String, Object> properties, String key) {
        Object saved = properties.remove(SAVED_PREFIX + key);
        if (saved == null) {
            properties.remove(key);
        } else {
            properties.put(key, saved);
        }
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Dictionary<String, Object> copy = new Hashtable<>();
        if (properties != null) {
            for (String key : Collections.list(properties.keys())) {
                copy.put(key, properties.get(key));
            }
        }
        return copy;
    }

    /** @return whether nothing but Configuration Admin's own {@code service.pid} is left */
    private static boolean isEmpty(Dictionary<String, Object> properties) {
        return Collections.list(properties.keys()).stream().allMatch(key -> key.startsWith("service."));
    }

    private static boolean sameProperties(Dictionary<String, Object> stored, Dictionary<String, Object> properties) {
        return stored != null && stored.size() == properties.size() && Collections.list(properties.keys()).stream()
                .allMatch(key -> Objects.deepEquals(properties.get(key), stored.get(key)));
    }
}
