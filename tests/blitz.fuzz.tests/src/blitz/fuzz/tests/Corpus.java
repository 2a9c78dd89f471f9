// SPDX-License-Identifier: EPL-2.0
package blitz.fuzz.tests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.osgi.framework.FrameworkUtil;

/**
 * The fuzzers' inputs: the checked-in seed corpus and seeded mutations of it. The same seed gives
 * the same inputs, so a failure repeats.
 */
final class Corpus {
    private static final byte[] SPECIAL = { '\r', '\n', 0, ' ', 'g', 'G', 'x', '-', (byte) 0xff, (byte) 0xc3 };
    private static final byte[] HEX = "0123456789abcdefABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final List<byte[]> seeds;
    private final List<byte[]> dictionary;
    private final Random random;

    private Corpus(List<byte[]> seeds, List<String> dictionary, long seed) {
        this.seeds = seeds;
        this.dictionary = dictionary.stream().map(word -> word.getBytes(StandardCharsets.ISO_8859_1)).toList();
        this.random = new Random(seed);
    }

    static Corpus load(String resource, long seed) throws IOException {
        return load(resource, seed, List.of());
    }

    /**
     * @param dictionary words that mutations also insert (protocol keywords, edge-case numbers); with none the
     *                   mutations are exactly those the codec fuzzer's figures were measured with
     */
    static Corpus load(String resource, long seed, List<String> dictionary) throws IOException {
        URL url = FrameworkUtil.getBundle(Corpus.class).getEntry(resource);
        if (url == null) {
            throw new IOException("corpus " + resource + " is not in the test bundle");
        }
        List<byte[]> seeds = new ArrayList<>();
        try (InputStream in = url.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (!line.startsWith("# ")) {
                    seeds.add(line.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        }
        return new Corpus(seeds, dictionary, seed);
    }

    int size() {
        return seeds.size();
    }

    /** @return the next input: a seed, mutated zero to four times */
    byte[] next() {
        byte[] input = seeds.get(random.nextInt(seeds.size())).clone();
        int mutations = random.nextInt(5);
        for (int i = 0; i < mutations; i++) {
            input = mutate(input);
        }
        return input;
    }

    private byte[] mutate(byte[] input) {
        int at = input.length == 0 ? 0 : random.nextInt(input.length);
        switch (random.nextInt(dictionary.isEmpty() ? 8 : 9)) {
        case 0: // replace with a random byte
            if (input.length > 0) {
                input[at] = (byte) random.nextInt(256);
            }
            return input;
        case 1: // replace with another hex digit: a well-formed but different message
            if (input.length > 0) {
                input[at] = HEX[random.nextInt(HEX.length)];
            }
            return input;
        case 2: // truncate
            return java.util.Arrays.copyOf(input, at);
        case 3: // insert a special byte (line ends, NUL, non-hex)
            return insert(input, at, new byte[] { SPECIAL[random.nextInt(SPECIAL.length)] });
        case 4: { // repeat a slice
            int length = input.length == 0 ? 0 : random.nextInt(input.length - at + 1);
            return insert(input, at, java.util.Arrays.copyOfRange(input, at, at + length));
        }
        case 5: { // a long payload
            byte[] tail = new byte[random.nextInt(9000)];
            for (int i = 0; i < tail.length; i++) {
                tail[i] = HEX[random.nextInt(16)];
            }
            return insert(input, input.length, tail);
        }
        case 6: // splice two seeds
            return insert(input, at, seeds.get(random.nextInt(seeds.size())));
        case 7: { // random bytes
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            return noise;
        }
        default: // a dictionary word
            return insert(input, at, dictionary.get(random.nextInt(dictionary.size())));
        }
    }

    private static byte[] insert(byte[] input, int at, byte[] piece) {
        byte[] out = new byte[input.length + piece.length];
        System.arraycopy(input, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(input, at, out, at + piece.length, input.length - at);
        return out;
    }
}
