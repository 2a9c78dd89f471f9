// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import blitz.codec.BoardMessageCodec;
import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecodedValues;
import blitz.model.message.MessageType;
import blitz.model.decoder.DecoderRegistry;
import blitz.testing.Osgi;

/** The original's worked examples, decoded by the built-in boards through the registry. */
class WorkedExamplesTest {

    private static List<Double> values(DecodeResult result) {
        assertEquals(DecodeResult.Status.DECODED, result.status(), result.detail());
        return result.values().stream().map(DecodedValue::value).toList();
    }

    @Test
    void theFirstUnitTestMessageReadWithBoard8sLayout() throws Exception {
        var message = BoardMessageCodec.standard().parse("057500005555cccccccc00000000");
        var asBoard8 = BoardMessageCodec.standard().parse("087500005555cccccccc00000000");
        assertEquals(5, message.sender());
        var decoded = Osgi.await(DecoderRegistry.class).decoderFor(8).orElseThrow().decode(asBoard8);
        assertEquals(List.of(3276.0, 3276.0, 3264.0, 0.0, 0.0), decoded.stream().map(DecodedValue::value).toList());
    }

    @Test
    void blitzBasicKeepsItsZeroChannel() {
        DecodeResult result = Osgi.await(DecoderRegistry.class).decode("08a0000003e87ff80100fff00000");
        assertEquals(MessageType.DATA, result.message().type());
        assertEquals(1000, result.message().timestamp());
        assertEquals(List.of(2047.0, 2049.0, 15.0, 4080.0, 0.0), values(result));
        assertEquals(List.of("adc_channel_one", "adc_channel_two", "adc_channel_three", "adc_channel_four", "adc_channel_five"),
                result.values().stream().map(DecodedValue::name).toList());
    }

    @Test
    void aLayoutDecodersValuesAreNumbersBesideItsOneListOfVariables() {
        DecodeResult first = Osgi.await(DecoderRegistry.class).decode("08a0000003e87ff80100fff00000");
        DecodeResult second = Osgi.await(DecoderRegistry.class).decode("08a0000007d0000000000000000f");
        DecodedValues values = assertInstanceOf(DecodedValues.class, first.values(), "kept as numbers, not copied");
        assertSame(values.variables(), ((DecodedValues) second.values()).variables(), "one list for every message");
        assertEquals(Osgi.await(DecoderRegistry.class).decoderFor(8).orElseThrow().variables(), values.variables());
        assertEquals(new DecodedValue("adc_channel_four", 4080, ""), values.get(3));
        assertEquals(List.of(new DecodedValue("adc_channel_one", 2047, ""), new DecodedValue("adc_channel_two", 2049, ""),
                new DecodedValue("adc_channel_three", 15, ""), new DecodedValue("adc_channel_four", 4080, ""),
                new DecodedValue("adc_channel_five", 0, "")), values);
        assertThrows(UnsupportedOperationException.class, () -> values.add(values.get(0)));
        assertThrows(IllegalArgumentException.class, () -> new DecodedValues(values.variables(), 1, 2));
    }

    @Test
    void aLongMessageDecodesLikeItsFirst28Characters() {
        assertEquals(values(Osgi.await(DecoderRegistry.class).decode("08a0000003e87ff80100fff00000")),
                values(Osgi.await(DecoderRegistry.class).decode("08a0000003e87ff80100fff00000FAFAFA")));
    }

    @Test
    void theMotorBoard() {
        DecodeResult result = Osgi.await(DecoderRegistry.class).decode("09a0000007d0012c00c800c80000");
        assertEquals(2000, result.message().timestamp());
        assertEquals(List.of(300.0, 200.0, 200.0), values(result));
        assertEquals(List.of("raw_adc", "motor_value", "set_point"), result.values().stream().map(DecodedValue::name).toList());
    }

    @Test
    void aNetScannerLineBuiltAsTheOriginalServerDid() {
        double[] received = new double[16];
        for (int i = 0; i < received.length; i++) {
            received[i] = -1.5 + i * 3.141592 + (i % 3) * 0.000123;
        }
        for (int board : new int[] { 10, 11 }) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%02X50%08X", board, 3000));
            for (int i = received.length - 1; i >= 0; i--) {
                line.append(String.format(Locale.ROOT, "%08X", (long) (received[i] * 1e6 + 2e6)));
            }
            assertEquals(140, line.length());
            DecodeResult result = Osgi.await(DecoderRegistry.class).decode(line.toString());
            assertEquals(MessageType.ACK, result.message().type(), "the original sent NetScanner data as type 2");
            assertEquals(true, result.message().flag(0));
            assertEquals(3000, result.message().timestamp());
            List<DecodedValue> values = result.values();
            assertEquals(16, values.size());
            int first = board == 10 ? 1 : 17;
            for (int channel = 0; channel < 16; channel++) {
                DecodedValue value = values.get(channel);
                assertEquals("Channel_" + (first + channel), value.name());
                assertEquals("kPa", value.unit());
                assertEquals(received[15 - channel], value.value(), 1e-6, "Channel_1 is the 16th value received");
            }
        }
    }

    @Test
    void theDigitalBoardsReadBitsAndFlags() {
        DecodeResult gpio = Osgi.await(DecoderRegistry.class).decode("03A000000001A500000000000000");
        assertEquals(List.of(1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0), values(gpio));
        // meta B6 = type 5, flags 1,0,1,1,0: the original's flag index bug would have read flags 1..5
        DecodeResult blitzGpio = Osgi.await(DecoderRegistry.class).decode("04B6000000010001FFFF80007FFF");
        List<Double> expected = new ArrayList<>(List.of(1.0, 0.0, 1.0, 1.0, 0.0));
        expected.addAll(List.of(1.0, 65535.0, 32768.0, 32767.0));
        assertEquals(expected, values(blitzGpio));
    }
}
