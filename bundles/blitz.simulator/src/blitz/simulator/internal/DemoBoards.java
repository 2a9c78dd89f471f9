// SPDX-License-Identifier: EPL-2.0
package blitz.simulator.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated boards for a demo runtime: when the framework property {@code blitz.simulate} lists board
 * ids (e.g. {@code 8} or {@code 8,9}), it configures one simulated board per id and a serial port
 * pointing at it, exactly as a user would through Configuration Admin. Named factory configurations
 * make it idempotent across restarts. Without the property it does nothing.
 */
@Component(immediate = true, service = {})
public final class DemoBoards {
    static final String PROPERTY = "blitz.simulate";
    /** Optional: how long a demo board's pty stays away when its socat dies (default 1 s). */
    static final String PTY_RECREATE_DELAY_PROPERTY = "blitz.simulate.ptyRecreateDelayMs";
    private static final Logger LOG = LoggerFactory.getLogger(DemoBoards.class);

    @Activate
    public DemoBoards(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) throws IOException {
        String boards = context.getProperty(PROPERTY);
        if (boards == null || boards.isBlank()) {
            return;
        }
        for (String token : boards.split(",")) {
            int boardId;
            try {
                boardId = Integer.decode(token.trim());
            } catch (NumberFormatException e) {
                LOG.warn("{}: '{}' is not a board id; skipped", PROPERTY, token);
                continue;
            }
            configure(configurationAdmin, boardId, context.getProperty(PTY_RECREATE_DELAY_PROPERTY));
        }
    }

    private static void configure(ConfigurationAdmin configurationAdmin, int boardId, String recreateDelay)
            throws IOException {
        Path links = Path.of(System.getProperty("java.io.tmpdir"), "blitz-simulator-" + boardId);
        Hashtable<String, Object> simulator = new Hashtable<>();
        simulator.put("boardId", boardId);
        simulator.put("boardKind", boardId == 9 ? "MOTOR" : "BASIC_ADC");
        simulator.put("messagesPerSecond", 10.0);
        simulator.put("numbered", true);
        simulator.put("linkDirectory", links.toString());
        if (recreateDelay != null) {
            try {
                simulator.put("ptyRecreateDelayMs", Long.parseLong(recreateDelay.trim()));
            } catch (NumberFormatException e) {
                LOG.warn("{}: '{}' is not a number of milliseconds; ignored", PTY_RECREATE_DELAY_PROPERTY, recreateDelay);
            }
        }
        update(configurationAdmin.getFactoryConfiguration("blitz.simulator", "demo-" + boardId, "?"), simulator);

        Hashtable<String, Object> port = new Hashtable<>();
        port.put("port", links.resolve("host").toString());
        port.put("id", "simulated-" + boardId);
        port.put("pollPeriodMs", 200);
        update(configurationAdmin.getFactoryConfiguration("blitz.serial.port", "demo-" + boardId, "?"), port);
        LOG.info("simulated board {} on {}", boardId, links.resolve("host"));
    }

    private static void update(Configuration configuration, Hashtable<String, Object> properties) throws IOException {
        if (configuration.getProperties() == null) {
            configuration.update(properties);
        }
    }
}
