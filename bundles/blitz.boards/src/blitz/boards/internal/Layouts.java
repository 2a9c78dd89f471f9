// SPDX-License-Identifier: EPL-2.0
package blitz.boards.internal;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import blitz.boards.BitField;

/** Builds the repetitive layouts of the original boards, which number their variables. */
final class Layouts {
    private static final String[] NUMBER_WORDS = { "one", "two", "three", "four", "five", "six", "seven", "eight" };

    private Layouts() {
    }

    /** @return {@code prefix_one}, {@code prefix_two}, ... for {@code count} fields made by {@code field(name, index)} */
    static List<BitField> wordNumbered(String prefix, int count, Field field) {
        return series(count, i -> field.make(prefix + "_" + NUMBER_WORDS[i], i));
    }

    /** @return {@code count} fields {@code field(i)}, i = 0..count-1 */
    static List<BitField> series(int count, IntFunction<BitField> field) {
        return IntStream.range(0, count).mapToObj(field).toList();
    }

    /**
     * The NetScanner channels {@code Channel_<first>} .. {@code Channel_<first+15>}: 32 bits each
     * holding {@code kPa * 1e6 + 2e6}, as the original server encoded the scanner's readings.
     */
    static List<BitField> netScannerChannels(int firstChannel) {
        return series(16, i -> BitField.scaled("Channel_" + (firstChannel + i), "kPa", i * 32, 32, 2e6, 1e6));
    }

    @FunctionalInterface
    interface Field {
        BitField make(String name, int index);
    }
}
