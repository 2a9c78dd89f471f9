// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.tests;

import static blitz.testing.Osgi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import blitz.testing.Osgi;

/**
 * The launcher's protocol options ({@code --port}, {@code --token-file}: framework properties read by
 * the launch-option component when it activates) over a configuration made by other means: an option
 * replaces a configured value only while it is given, and the launch without it has the configured
 * value back; a value only the option set goes with it. Each "launch" here is the component activated
 * again with the properties of that launch.
 */
class ProtocolLaunchOptionTest {
    /** Not an extension: the protocol keeps its test port after the class (deleting it would bind the default 8999). */
    private static final Osgi OSGI = new Osgi();
    private static final String COMPONENT = "blitz.protocol.internal.ProtocolLaunchOption";
    private static final String PORT_OPTION = "blitz.protocol.port";
    private static final String TOKEN_FILE_OPTION = "blitz.protocol.tokenFile";
    private static final String TOKEN = "t0ken-from-a-file";
    private static int configuredPort;

    @BeforeAll
    static void configuredByOtherMeans() throws IOException {
        configuredPort = freePort();
        OSGI.configure("blitz.protocol", Map.of("port", configuredPort, "lockoutAttempts", 3));
        ProtocolBundle.start();
    }

    @AfterEach
    void noOptions() {
        System.clearProperty(PORT_OPTION);
        System.clearProperty(TOKEN_FILE_OPTION);
    }

    @AfterAll
    static void plainConfiguration() {
        OSGI.configure("blitz.protocol", Map.of("port", configuredPort));
    }

    @Test
    void anOptionHoldsWhileGivenAndTheConfiguredValueComesBackWithoutIt() throws Exception {
        int optionPort = freePort();
        Path tokenFile = Files.createDirectories(Path.of(System.getProperty("user.home"), "launch-option")).resolve("token");
        Files.writeString(tokenFile, TOKEN + "\n");
        System.setProperty(PORT_OPTION, Integer.toString(optionPort));
        System.setProperty(TOKEN_FILE_OPTION, tokenFile.toString());
        launch();
        Dictionary<String, Object> withOptions = configuration().getProperties();
        assertEquals(optionPort, withOptions.get("port"));
        assertEquals(TOKEN, withOptions.get(".token"));
        assertEquals(configuredPort, withOptions.get(".blitz.launchOption.saved.port"), "the configured port kept aside");
        assertEquals(".token,port", withOptions.get("blitz.launchOption"));
        assertEquals(3, withOptions.get("lockoutAttempts"), "what no option names is left alone");
        try (ZmqClient client = new ZmqClient(optionPort)) {
            client.awaitReply("AUTH " + TOKEN + " VERSION", reply -> reply.startsWith("VERSION"));
            client.awaitReply("VERSION", reply -> reply.startsWith("ERROR 6"));
        }

        long changes = configuration().getChangeCount();
        launch();
        assertEquals(changes, configuration().getChangeCount(), "the same options again: not rewritten (no server restart)");

        System.clearProperty(PORT_OPTION);
        System.clearProperty(TOKEN_FILE_OPTION);
        launch();
        Dictionary<String, Object> without = configuration().getProperties();
        assertEquals(configuredPort, without.get("port"), "the configured port is back");
        assertNull(without.get(".token"), "the option's token went with it");
        assertNull(without.get(".blitz.launchOption.saved.port"));
        assertNull(without.get("blitz.launchOption"));
        assertEquals(3, without.get("lockoutAttempts"));
        try (ZmqClient client = new ZmqClient(configuredPort)) {
            client.awaitReply("VERSION", reply -> reply.startsWith("VERSION"));
        }
    }

    /** Activates the launch-option component again, as a new launch of the runtime does, and waits for it. */
    private static void launch() throws Exception {
        ServiceComponentRuntime scr = Osgi.await(ServiceComponentRuntime.class);
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTO(ProtocolBundle.bundle(), COMPONENT);
        scr.disableComponent(description).getValue();
        scr.enableComponent(description).getValue();
        eventually("the launch-option component to activate", () -> scr.getComponentConfigurationDTOs(description).stream()
                .anyMatch(configuration -> configuration.state == ComponentConfigurationDTO.ACTIVE));
    }

    /** The protocol's configuration as stored now. */
    private static Configuration configuration() throws IOException {
        return Osgi.await(ConfigurationAdmin.class).getConfiguration("blitz.protocol", "?");
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
