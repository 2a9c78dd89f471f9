// SPDX-License-Identifier: EPL-2.0
package blitz.ui.variables;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.decoder.VariableSpec;

/**
 * The one rule every view follows to show a variable: its name ({@code adc_channel_one} is shown as
 * "Adc Channel One", the original's title case), its colour and its place in a list, both taken from
 * the board's order (the decoders by board id, each decoder's variables as it declares them), and
 * the format of its values. A variable no decoder declares comes after the known ones, by name, and
 * gets a colour from its name, so it too keeps one colour everywhere.
 */
public final class VariableLook {
    /** Saturated colours (0xRRGGBB) far from the chart's muted marker colours. */
    private static final int[] PALETTE = { 0x1f5fbf, 0xd62728, 0x2ca02c, 0x9467bd, 0xff7f0e, 0x17a2b8, 0x8c564b,
            0xe377c2, 0x6b6b00, 0x000000 };
    private static final VariableLook NO_DECODERS = new VariableLook(Map.of());

    private final Map<String, Integer> rank;

    private VariableLook(Map<String, Integer> rank) {
        this.rank = rank;
    }

    /** @return the look of the registry's variables; without a registry every variable is unknown */
    public static VariableLook of(DecoderRegistry registry) {
        if (registry == null) {
            return NO_DECODERS;
        }
        Map<String, Integer> rank = new HashMap<>();
        for (BoardDecoder decoder : registry.decoders()) {
            for (VariableSpec variable : decoder.variables()) {
                rank.putIfAbsent(variable.name(), rank.size());
            }
        }
        return new VariableLook(rank);
    }

    /** @return the variable's name as every view shows it: {@code adc_channel_one} is "Adc Channel One" */
    public static String label(String variableName) {
        StringBuilder out = new StringBuilder(variableName.length());
        boolean previousWasLetter = false;
        for (char c : variableName.replace('_', ' ').toCharArray()) {
            boolean letter = Character.isLetter(c);
            out.append(letter ? (previousWasLetter ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
            previousWasLetter = letter;
        }
        return out.toString();
    }

    /**
     * @return a value as every view shows it: a whole number (a count) without decimals, any other
     *         with six significant digits and no trailing zeros
     */
    public static String format(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.6g", value);
        if (text.contains("e") || !text.contains(".")) {
            return text;
        }
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** @return the variable's colour as 0xRRGGBB: by its place in the board's order, else by its name */
    public int rgb(String variableName) {
        Integer place = rank.get(variableName);
        int index = place != null ? place : Math.floorMod(variableName.hashCode(), PALETTE.length);
        return PALETTE[index % PALETTE.length];
    }

    /** @return the board's order: the decoders' variables as declared, then unknown ones by name */
    public Comparator<String> order() {
        return Comparator.<String>comparingInt(name -> rank.getOrDefault(name, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
    }

    /** @return the names in the board's order */
    public List<String> sorted(List<String> names) {
        return names.stream().sorted(order()).toList();
    }
}
