// SPDX-License-Identifier: EPL-2.0
package blitz.simulator.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.simulator.BoardSimulator;

/**
 * Simulated boards for a demo runtime: when the framework property {@code blitz.simulate} lists board
 * ids (e.g. {@code 8} or {@code 8,9}), it configures one simulated board per id and a serial port
 * pointing at it, exactly as a user would through Configuration Admin; when {@code blitz.simulate.file}
 * names a file of raw board lines, one more board replays it, answering as the board of its first
 * line. Named factory configurations make it idempotent across restarts. The pty links go under the
 * runtime's data folder, so two runtimes on one machine never share them. Without the properties it
 * does nothing.
 */
@Component(immediate = true, service = {})
public final class DemoBoards {
    static final String PROPERTY = "blitz.simulate";
    /** Optional: how long a demo board's pty stays away when its socat dies (default 1 s). */
    static final String PTY_RECREATE_DELAY_PROPERTY = "blitz.simulate.ptyRecreateDelayMs";
    /** Optional: a file of raw board lines a simulated board replays (the launcher's {@code --simulate-file}). */
    static final String FILE_PROPERTY = "blitz.simulate.file";
    /** The values that say which board runs where: they follow this runtime even in an existing configuration. */
    private static final Set<String> LOCATION_KEYS = Set.of("boardId", "linkDirectory", "replayFile", "port");
    private static final Logger LOG = LoggerFactory.getLogger(DemoBoards.class);

    @Activate
    public DemoBoards(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) throws IOException {
        String recreateDelay = context.getProperty(PTY_RECREATE_DELAY_PROPERTY);
        String file = context.getProperty(FILE_PROPERTY);
        if (file != null && !file.isBlank()) {
            configureReplay(configurationAdmin, Path.of(file.strip()), recreateDelay);
        }
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
            configure(configurationAdmin, "demo-" + boardId, boardId, simulator(boardId, recreateDelay));
        }
    }

    /** A bad file is logged and skipped: the runtime starts without that board. */
    private static void configureReplay(ConfigurationAdmin configurationAdmin, Path file, String recreateDelay) throws IOException {
        int boardId;
        try {
            boardId = BoardSimulator.replayBoardId(file);
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("{}: cannot replay {}: {}; no board simulated from it", FILE_PROPERTY, file, e.getMessage());
            return;
        }
        Hashtable<String, Object> simulator = simulator(boardId, recreateDelay);
        simulator.put("replayFile", file.toAbsolutePath().toString());
        simulator.put("linkDirectory", SimulatorComponent.defaultLinks(boardId).resolveSibling("file-" + boardId).toString());
        configure(configurationAdmin, "demo-file", boardId, simulator);
    }

    private static Hashtable<String, Object> simulator(int boardId, String recreateDelay) {
        Hashtable<String, Object> simulator = new Hashtable<>();
        simulator.put("boardId", boardId);
        simulator.put("boardKind", boardId == 9 ? "MOTOR" : "BASIC_ADC");
        simulator.put("messagesPerSecond", 10.0);
        simulator.put("numbered", true);
        simulator.put("linkDirectory", SimulatorComponent.defaultLinks(boardId).toString());
        if (recreateDelay != null) {
            try {
                simulator.put("ptyRecreateDelayMs", Long.parseLong(recreateDelay.trim()));
            } catch (NumberFormatException e) {
                LOG.warn("{}: '{}' is not a number of milliseconds; ignored", PTY_RECREATE_DELAY_PROPERTY, recreateDelay);
            }
        }
        return simulator;
    }

    /** Configures the simulated board and a serial port on the host end of its links, once per name. */
    private static void configure(ConfigurationAdmin configurationAdmin, String name, int boardId,
            Hashtable<String, Object> simulator) throws IOException {
        Path host = Path.of((String) simulator.get("linkDirectory")).resolve("host");
        update(configurationAdmin.getFactoryConfiguration("blitz.simulator", name, "?"), simulator);

        Hashtable<String, Object> port = new Hashtable<>();
        port.put("port", host.toString());
        port.put("id", "simulated-" + (name.equals("demo-file") ? "file-" : "") + boardId);
        port.put("pollPeriodMs", 200);
        update(configurationAdmin.getFactoryConfiguration("blitz.serial.port", name, "?"), port);
        LOG.info("simulated board {} ({}): serial port on {}", boardId, name, host);
    }

    /**
     * Writes the demo's values when the configuration is new; an existing one keeps what a user changed,
     * except where the board and its links are (an older runtime's links in the temp folder, another
     * replay file), which follow this runtime.
     */
    private static void update(Configuration configuration, Hashtable<String, Object> properties) throws IOException {
        Dictionary<String, Object> stored = configuration.getProperties();
        if (stored == null) {
            configuration.update(properties);
            return;
        }
        boolean changed = false;
        for (var entry : properties.entrySet()) {
            if (LOCATION_KEYS.contains(entry.getKey()) && !entry.getValue().equals(stored.get(entry.getKey()))) {
                stored.put(entry.getKey(), entry.getValue());
                changed = true;
            }
        }
        if (changed) {
            configuration.update(stored);
        }
    }
}
