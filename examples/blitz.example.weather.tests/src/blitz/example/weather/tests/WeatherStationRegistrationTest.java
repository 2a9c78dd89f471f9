// SPDX-License-Identifier: EPL-2.0
package blitz.example.weather.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import blitz.model.decoder.BoardDescription;
import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecoderRegistry;

/** Installing the plug-in is all it takes: the running registry knows the board and decodes it. */
class WeatherStationRegistrationTest {

    private static DecoderRegistry registry() throws InterruptedException {
        ServiceTracker<DecoderRegistry, DecoderRegistry> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(WeatherStationRegistrationTest.class).getBundleContext(), DecoderRegistry.class,
                null);
        tracker.open();
        DecoderRegistry registry = tracker.waitForService(10_000);
        assertTrue(registry != null, "no decoder registry service");
        for (int i = 0; i < 100 && registry.decoderFor(0x20).isEmpty(); i++) {
            Thread.sleep(50);
        }
        return registry;
    }

    @Test
    void shouldBeDescribedByTheRegistry() throws Exception {
        assertEquals(BoardDescription.of(0x20, "Blitz Weather Station Board"), registry().describe(0x20));
        assertEquals(7, registry().decoders().size(), "six built-in boards and the example");
    }

    @Test
    void shouldDecodeAStationLineThroughTheRegistry() throws Exception {
        DecodeResult result = registry().decode("20B0000007D065DEDC0607202CC0");
        assertTrue(result.isDecoded(), result.detail());
        assertEquals(List.of(new DecodedValue("air_temperature", -12.37, "°C"),
                new DecodedValue("relative_humidity", 88.0, "%"), new DecodedValue("air_pressure", 987.6, "hPa"),
                new DecodedValue("wind_speed", 17.9, "m/s"), new DecodedValue("rain_detected", 1.0, "")),
                result.values());
    }
}
