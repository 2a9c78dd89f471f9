// SPDX-License-Identifier: EPL-2.0
package blitz.serial.tests;

import static blitz.testing.CollectingSink.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.simulator.SimulatedPort;
import blitz.testing.CollectingSink;
import blitz.testing.Osgi;

/** The runtime's "simulated board": a {@code blitz.simulator} configuration, then a serial port pointed at it. */
class SimulatorComponentTest {

    @Test
    void aConfiguredSimulatorServesASerialPortAndStopsSocatWhenDeleted() throws Exception {
        Path work = Path.of(System.getProperty("blitz.test.workdir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(work);
        Path links = Files.createTempDirectory(work, "component-");
        Osgi osgi = new Osgi();
        osgi.configure("blitz.simulator", Map.of("boardId", 9, "boardKind", "MOTOR", "messagesPerSecond", 100.0,
                "shapes", "sine,ramp", "linkDirectory", links.toString()));
        try {
            SimulatedPort simulated = Osgi.await(SimulatedPort.class, (String) null, Duration.ofSeconds(10));
            ServiceReference<SimulatedPort> reference = Osgi.context().getServiceReference(SimulatedPort.class);
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
            osgi.undoAll(); // deletes the simulator's configuration
        }
        long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(5);
        while (Files.exists(links.resolve("host")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(Files.exists(links.resolve("host")), "socat stopped and its links are gone");
    }
}
