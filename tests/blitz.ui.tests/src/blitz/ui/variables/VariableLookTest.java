// SPDX-License-Identifier: EPL-2.0
package blitz.ui.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import blitz.model.decoder.DecoderRegistry;
import blitz.testing.Osgi;

/** The one look of a variable: its name, its colour and place from the real decoders, its number format. */
class VariableLookTest {

    @Test
    void namesAreTitleCasedLikeTheOriginal() {
        assertEquals("Adc Channel One", VariableLook.label("adc_channel_one"));
        assertEquals("Motor Position", VariableLook.label("MOTOR_POSITION"));
        assertEquals("Channel1B", VariableLook.label("channel1b"));
    }

    @Test
    void countsHaveNoDecimalsAndOtherValuesNoTrailingZeros() {
        assertEquals("4095", VariableLook.format(4095.0));
        assertEquals("-3", VariableLook.format(-3.0));
        assertEquals("3.25", VariableLook.format(3.25));
        assertEquals("0.333333", VariableLook.format(1 / 3.0));
        assertEquals("1.23457e+20", VariableLook.format(1.23456789e20));
        assertEquals("NaN", VariableLook.format(Double.NaN));
    }

    @Test
    void theBoardsOrderAndColoursComeFromTheDecoders() {
        VariableLook look = VariableLook.of(Osgi.await(DecoderRegistry.class));
        List<String> sorted = look.sorted(List.of("zeta_unknown", "adc_channel_two", "adc_channel_one", "alpha_unknown"));
        assertEquals(List.of("adc_channel_one", "adc_channel_two", "alpha_unknown", "zeta_unknown"), sorted,
                "the board's order (not alphabetical: one before two), then unknown ones by name");
        assertNotEquals(look.rgb("adc_channel_one"), look.rgb("adc_channel_two"), "neighbours differ");
        assertEquals(look.rgb("adc_channel_one"), VariableLook.of(Osgi.await(DecoderRegistry.class)).rgb("adc_channel_one"),
                "the same colour in every view");
        assertEquals(VariableLook.of(null).rgb("x_y"), VariableLook.of(null).rgb("x_y"));
    }
}
