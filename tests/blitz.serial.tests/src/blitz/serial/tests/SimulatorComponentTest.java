// SPDX-License-Identifier: EPL-2.0
package blitz.serial.tests;

import static blitz.testing.CollectingSink.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.simulator.SimulatedPort;
import blitz.testing.CollectingSink;

/** The runtime's "simulated board": a {@code blitz.simulator} configuration, then a serial port pointed at it. */
class SimulatorComponentTest {

    @Test
    void aConfiguredSimulatorServesASerialPortAndStopsSocatWhenDeleted() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> admins = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        admins.open();
        ConfigurationAdmin admin = admins.waitForService(10_000);
        Path work = Path.of(System.getProperty("blitz.test.workdir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(work);
        Path links = Files.createTempDirectory(work, "component-");
        Configuration simulator = admin.getConfiguration("blitz.simulator", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("boardId", 9);
        properties.put("boardKind", "MOTOR");
        properties.put("messagesPerSecond", 100.0);
        properties.put("shapes", "sine,ramp");
        properties.put("linkDirectory", links.toString());
        simulator.update(properties);

        ServiceTracker<SimulatedPort, SimulatedPort> ports = new ServiceTracker<>(context, SimulatedPort.class, null);
        ports.open();
        try {
            SimulatedPort simulated = ports.waitForService(10_000);
            assertNotNull(simulated, "the simulator registered its port");
            ServiceReference<SimulatedPort> reference = ports.getServiceReference();
            assertEquals(links.resolve("host").toString(), reference.getProperty(SimulatedPort.HOST_PORT));

            try (ConfiguredPort port = new ConfiguredPort(simulated.hostPort().toString(), Map.of("pollPeriodMs", 100))) {
                MessageSource source = port.source;
                CollectingSink sink = new CollectingSink();
                source.start(sink);
                await("messages from the simulated board 9", 10_000, () -> sink.lineCount() >= 20);
                assertEquals(java.util.Set.of(9), source.boardIds());
                assertTrue(sink.lines().get(0).startsWith("09A0"), sink.lines().get(0));
                source.stop();
                assertEquals(SourceState.STOPPED, source.state());
            }
        } finally {
            simulator.delete();
            ports.close();
            admins.close();
        }
        long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(5);
        while (Files.exists(links.resolve("host")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(Files.exists(links.resolve("host")), "socat stopped and its links are gone");
    }
}
