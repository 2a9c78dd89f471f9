// SPDX-License-Identifier: EPL-2.0
package blitz.client.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import blitz.testing.Osgi;

/** Live values decoded from the lines a runtime serves to UPDATE, through the real decoder registry. */
class LiveValuesTest {
    private static LoggerConnection connection;
    private static LiveValues live;
    private OriginalLoggerPeer peer;

    @BeforeAll
    static void services() throws Exception {
        connection = ClientServices.configuredConnection();
        live = Osgi.await(LiveValues.class);
    }

    @BeforeEach
    void startPeer() {
        peer = new OriginalLoggerPeer();
        live.clear();
    }

    @AfterEach
    void stopPeer() throws Exception {
        live.setTransforms("adc_channel_one", List.of());
        connection.disconnect();
        peer.close();
    }

    private Map<String, Double> latestValues() {
        return live.latest().stream().collect(Collectors.toMap(LiveVariable::name, LiveVariable::value));
    }

    @Test
    void shouldDecodeLiveLinesAndKeepZeroValues() throws Exception {
        peer.setLiveLines(List.of("08a0000003e87ff80100fff00000"));
        List<List<LiveVariable>> batches = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = live.subscribe(batches::add)) {
            connection.connect(Endpoint.of("127.0.0.1", peer.port()));
            connection.start();
            assertTrue(Osgi.waitFor(() -> latestValues().size() == 5, 5000), "" + live.latest());
        }
        assertEquals(Map.of("adc_channel_one", 2047.0, "adc_channel_two", 2049.0, "adc_channel_three", 15.0,
                "adc_channel_four", 4080.0, "adc_channel_five", 0.0), latestValues(),
                "the zero value is kept (the original dropped it)");
        assertEquals(8, live.latest().get(0).boardId());
        assertEquals(1, batches.size(), "one batch per line");
    }

    @Test
    void shouldApplyTheOriginalsTransformsInOrder() throws Exception {
        live.setTransforms("adc_channel_one", List.of("multiply:2", "translate:1"));
        assertArrayEquals(new double[] { 4095, 3, 7 }, firstChannelAfter("08a0000003e87ff80100fff00000",
                "08a0000007d00010010000000000", "08a000000bb80030010000000000"));
        assertEquals(List.of("multiply:2", "translate:1"), live.transforms("adc_channel_one"));
    }

    @Test
    void shouldAverageOverAWindow() throws Exception {
        live.setTransforms("adc_channel_one", List.of("average:2"));
        assertArrayEquals(new double[] { 16, 32, 80 }, firstChannelAfter("08a0000003e8010000000000000000",
                "08a0000007d0030000000000000000", "08a000000bb8070000000000000000"));
    }

    /** Serves three live lines of board 8 and returns adc_channel_one's history values, oldest first. */
    private double[] firstChannelAfter(String... lines) throws Exception {
        peer.setLiveLines(List.of(lines));
        connection.connect(Endpoint.of("127.0.0.1", peer.port()));
        connection.start();
        assertTrue(Osgi.waitFor(() -> live.history("adc_channel_one").length == 6, 5000));
        double[] history = live.history("adc_channel_one");
        assertTrue(history[0] <= history[2] && history[2] <= history[4], "oldest first");
        return new double[] { history[1], history[3], history[5] };
    }

    @Test
    void shouldRefuseUnknownTransformsWithoutChangingAnything() {
        live.setTransforms("adc_channel_one", List.of("multiply:3"));
        assertThrows(IllegalArgumentException.class,
                () -> live.setTransforms("adc_channel_one", List.of("multiply:2", "logarithm:10")));
        assertThrows(IllegalArgumentException.class, () -> live.setTransforms("adc_channel_one", List.of("average:0")));
        assertEquals(List.of("multiply:3"), live.transforms("adc_channel_one"));
    }
}
