// SPDX-License-Identifier: EPL-2.0
package org.example.blitz.soil.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.blitz.soil.SoilProbeBoard;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecoderRegistry;

/** Installed next to Blitz's registry (blitz.codec), the decoder's service makes the board known. */
class SoilProbeRegistrationTest {

    private static DecoderRegistry registry() throws InterruptedException {
        ServiceTracker<DecoderRegistry, DecoderRegistry> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(SoilProbeRegistrationTest.class).getBundleContext(), DecoderRegistry.class, null);
        tracker.open();
        DecoderRegistry registry = tracker.waitForService(10_000);
        assertNotNull(registry, "no decoder registry service: is blitz.codec started?");
        for (int i = 0; i < 100 && registry.decoderFor(SoilProbeBoard.BOARD_ID).isEmpty(); i++) {
            Thread.sleep(50);
        }
        return registry;
    }

    @Test
    void theRegistryDecodesAProbeLine() throws Exception {
        DecodeResult result = registry().decode("31B0000007D0FDF3DC0000000000");
        assertTrue(result.isDecoded(), result.detail());
        assertEquals(List.of(new DecodedValue("soil_temperature", -5.25, "°C"), new DecodedValue("soil_moisture", 88.0, "%"),
                new DecodedValue("probe_alarm", 1.0, "")), result.values());
    }
}
