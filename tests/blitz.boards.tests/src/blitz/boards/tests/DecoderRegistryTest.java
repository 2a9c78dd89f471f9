// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import blitz.boards.BitField;
import blitz.boards.FieldLayoutDecoder;
import blitz.codec.BoardMessageCodec;
import blitz.codec.NumberedMessages;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.BoardDescription;
import blitz.model.decoder.Calibration;
import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecodeResult.Status;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.message.BoardMessage;
import blitz.testing.Osgi;

/** The registry as DS wires it: the built-in boards, conflicts, take-over, calibration. */
class DecoderRegistryTest {
    @RegisterExtension
    final Osgi osgi = new Osgi();
    private static final String BLITZ_BASIC_LINE = "08a0000003e87ff80100fff00000";

    private static ServiceRegistration<BoardDecoder> register(BoardDecoder decoder) {
        return Osgi.context().registerService(BoardDecoder.class, decoder, null);
    }

    @Test
    void registersTheSixBuiltInBoards() {
        DecoderRegistry registry = Osgi.await(DecoderRegistry.class);
        assertEquals(List.of(3, 4, 8, 9, 10, 11), registry.decoders().stream().map(BoardDecoder::boardId).toList());
        assertEquals("Blitz Basic Expansion Board", registry.decoderFor(8).orElseThrow().description());
        assertEquals(new BoardDescription(8, "8 (08)", "Blitz Basic Expansion Board"), registry.describe(8));
        assertEquals(new BoardDescription(255, "255 (ff)", "Unknown"), registry.describe(255));
        assertEquals(new BoardDescription(10, "10 (0a)", "NetScanner Ethernet Interface Board"), registry.describe(10));
        assertEquals("NetScanner Ethernet Interface Board Two", registry.describe(11).description());
        assertEquals("Raspberry Pi GPIO Board", registry.describe(3).description());
        assertEquals("Blitz Raspberry GPIO Board", registry.describe(4).description());
        assertEquals("Motor Expansion Board", registry.describe(9).description());
        assertTrue(registry.conflicts().isEmpty(), registry.conflicts().toString());
    }

    @Test
    void decodeReportsEveryFailureAsAStatus() {
        DecoderRegistry registry = Osgi.await(DecoderRegistry.class);
        assertEquals(Status.MALFORMED, registry.decode("cc").status());
        assertEquals(Status.MALFORMED, registry.decode((String) null).status());
        assertEquals(Status.MALFORMED, registry.decode((BoardMessage) null).status());
        assertEquals(Status.MALFORMED, registry.decode("08a0000003e87ff80100fff0000X").status());
        assertEquals(Status.MALFORMED, registry.decode("08A0" + "0".repeat(5000)).status());
        DecodeResult unknown = registry.decode("e32800002f19572076ac00000000");
        assertEquals(Status.UNKNOWN_BOARD, unknown.status());
        assertEquals(0xe3, unknown.message().sender());
        DecodeResult tooShortForNetScanner = registry.decode("0A5000000BB8001E8480001E8480");
        assertEquals(Status.REJECTED, tooShortForNetScanner.status());
        assertTrue(tooShortForNetScanner.detail().contains("512"), tooShortForNetScanner.detail());
        assertTrue(registry.decode(BLITZ_BASIC_LINE).isDecoded());
    }

    @Test
    void numberedMessagesDecodeThroughTheirInnerMessage() throws Exception {
        DecoderRegistry registry = Osgi.await(DecoderRegistry.class);
        BoardMessage ordinary = BoardMessageCodec.standard().parse(BLITZ_BASIC_LINE);
        String numbered = BoardMessageCodec.standard().encode(NumberedMessages.number(ordinary, 7));
        DecodeResult result = registry.decode(numbered);
        assertEquals(Status.DECODED, result.status(), result.detail());
        assertEquals(registry.decode(BLITZ_BASIC_LINE).values(), result.values());
        assertEquals(7, NumberedMessages.sequence(result.message()));
    }

    @Test
    void aDecoderThatThrowsIsCountedAsRejectedAndABadIdIsIgnored() {
        BoardDecoder throwing = new FieldLayoutDecoder(201, "Throwing board", List.of(BitField.unsigned("x", 0, 8))) {
            @Override
            public List<DecodedValue> decode(BoardMessage message) {
                throw new IllegalStateException("firmware mismatch");
            }
        };
        BoardDecoder badId = new HandWrittenDecoder(300);
        ServiceRegistration<BoardDecoder> first = register(throwing);
        ServiceRegistration<BoardDecoder> second = register(badId);
        try {
            DecodeResult result = Osgi.await(DecoderRegistry.class).decode("C9A0000000010000000000000000");
            assertEquals(Status.REJECTED, result.status());
            assertTrue(result.detail().contains("firmware mismatch"), result.detail());
            assertEquals(6 + 1, Osgi.await(DecoderRegistry.class).decoders().size());
        } finally {
            first.unregister();
            second.unregister();
        }
        assertEquals(Status.UNKNOWN_BOARD, Osgi.await(DecoderRegistry.class).decode("C9A0000000010000000000000000").status());
    }

    @Test
    void aPlugInDeclaresItsLayoutInAFewLines() {
        BoardDecoder windVane = new FieldLayoutDecoder(0x20, "Wind Vane Board", List.of(
                BitField.unsigned("wind_direction", 0, 16),
                BitField.scaled("wind_speed", "m/s", 16, 16, 0, 100),
                BitField.flag("heater_on", 0)));
        ServiceRegistration<BoardDecoder> registration = register(windVane);
        try {
            DecodeResult result = Osgi.await(DecoderRegistry.class).decode("20B000000064010E04D200000000");
            assertEquals(List.of(new DecodedValue("wind_direction", 270, ""), new DecodedValue("wind_speed", 12.34, "m/s"),
                    new DecodedValue("heater_on", 1, "")), result.values());
            assertEquals("32 (20)", Osgi.await(DecoderRegistry.class).describe(0x20).label());
        } finally {
            registration.unregister();
        }
        assertEquals(BoardDescription.UNKNOWN, Osgi.await(DecoderRegistry.class).describe(0x20).description());
    }

    @Test
    void aSecondDecoderForATakenIdWaitsAndTakesOverWhenTheFirstLeaves() throws Exception {
        DecoderRegistry registry = Osgi.await(DecoderRegistry.class);
        BoardDecoder builtIn = registry.decoderFor(8).orElseThrow();
        BoardDecoder impostor = new FieldLayoutDecoder(8, "Impostor board", List.of(BitField.unsigned("impostor_value", 0, 8)));
        ServiceRegistration<BoardDecoder> registration = register(impostor);
        ServiceComponentRuntime scr = Osgi.await(ServiceComponentRuntime.class);
        Bundle boards = FrameworkUtil.getBundle(builtIn.getClass());
        ComponentDescriptionDTO component = scr.getComponentDescriptionDTO(boards, builtIn.getClass().getName());
        try {
            assertSame(builtIn, registry.decoderFor(8).orElseThrow(), "the first decoder keeps its board");
            assertEquals(1, registry.conflicts().size());
            String conflict = registry.conflicts().iterator().next();
            assertTrue(conflict.contains("8 (08)") && conflict.contains("Impostor board")
                    && conflict.contains("Blitz Basic Expansion Board"), conflict);

            scr.disableComponent(component).getValue();
            Osgi.eventually("the waiting decoder to take over", () -> registry.decoderFor(8).orElse(null) == impostor);
            assertTrue(registry.conflicts().isEmpty());
            assertEquals("impostor_value", registry.decode(BLITZ_BASIC_LINE).values().get(0).name());

            scr.enableComponent(component).getValue();
            Osgi.eventually("the built-in board to come back", () -> registry.conflicts().size() == 1);
            assertSame(impostor, registry.decoderFor(8).orElseThrow(), "the returning board waits in its turn");
        } finally {
            registration.unregister();
            scr.enableComponent(component).getValue();
        }
        Osgi.eventually("the built-in board to take over again", () -> registry.decoderFor(8)
                .map(d -> d.description().equals("Blitz Basic Expansion Board")).orElse(false));
        assertTrue(registry.conflicts().isEmpty());
    }

    @Test
    void calibrationComesFromConfigAdmin() throws Exception {
        DecoderRegistry registry = Osgi.await(DecoderRegistry.class);
        assertEquals(Calibration.identity(""), registry.calibration("adc_channel_one"));
        assertEquals(Calibration.identity("kPa"), registry.calibration("Channel_3"));
        try {
            osgi.configure("blitz.calibration", Map.of("calibrations", new String[] { "adc_channel_one=2.5,0.1,V", "not an entry",
                    "adc_channel_two=abc,1,V", "adc_channel_four=NaN,0,V", "=1,2,V", "adc_channel_three=-1,4096", "Channel_3=1000,0,Pa" }));
            Osgi.eventually("the calibration to apply", () -> Osgi.await(DecoderRegistry.class).calibration("adc_channel_one").scale() == 2.5);
            assertEquals(new Calibration("V", 2.5, 0.1), registry.calibration("adc_channel_one"));
            assertEquals(new Calibration("", -1, 4096), registry.calibration("adc_channel_three"), "no unit: the decoder's");
            assertEquals(Calibration.identity(""), registry.calibration("adc_channel_two"), "invalid entries are skipped");
            assertEquals(Calibration.identity(""), registry.calibration("adc_channel_four"));
            assertEquals(new Calibration("Pa", 1000, 0), registry.calibration("Channel_3"));

            List<DecodedValue> values = registry.decode(BLITZ_BASIC_LINE).values();
            assertEquals("V", values.get(0).unit());
            assertEquals(2047 * 2.5 + 0.1, values.get(0).value(), 1e-9);
            assertEquals(new DecodedValue("adc_channel_two", 2049, ""), values.get(1));
            assertEquals(new DecodedValue("adc_channel_three", 4096 - 15, ""), values.get(2));
        } finally {
            osgi.configure("blitz.calibration", Map.of());
        }
        Osgi.eventually("the calibration to be removed", () -> Osgi.await(DecoderRegistry.class).calibration("adc_channel_one").scale() == 1.0);
        assertEquals(2047, Osgi.await(DecoderRegistry.class).decode(BLITZ_BASIC_LINE).values().get(0).value());
    }
}
