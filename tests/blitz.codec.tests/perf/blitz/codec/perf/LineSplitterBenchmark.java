// SPDX-License-Identifier: EPL-2.0
package blitz.codec.perf;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import blitz.codec.BoardMessageCodec;
import blitz.codec.LineSplitter;
import blitz.codec.MalformedLineException;

/**
 * Throughput of splitting and parsing board lines arriving in serial-sized chunks. Not run by the
 * build; run by hand (see docs/protocol.md) with the codec and model classes on the class path.
 */
public final class LineSplitterBenchmark {
    private static long parsed;

    public static void main(String[] args) throws Exception {
        Random random = new Random(1);
        StringBuilder text = new StringBuilder();
        while (text.length() < 32 << 20) {
            text.append("08A0");
            for (int i = 0; i < 24; i++) {
                text.append("0123456789ABCDEF".charAt(random.nextInt(16)));
            }
            text.append("\r\n");
        }
        byte[] stream = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        BoardMessageCodec codec = BoardMessageCodec.standard();
        LineSplitter splitOnly = new LineSplitter(4096, line -> parsed++);
        LineSplitter splitAndParse = new LineSplitter(4096, line -> {
            try {
                codec.parse(line);
                parsed++;
            } catch (MalformedLineException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int round = 0; round < 5; round++) {
            double split = run(splitOnly, stream);
            double splitAndParsed = run(splitAndParse, stream);
            System.out.printf("round %d: split %.0f MB/s, split+parse %.0f MB/s%n", round, split, splitAndParsed);
            if (round == 4) { // warmed up; for releng/run-benchmarks.sh
                System.out.printf(java.util.Locale.ROOT, "RESULT codec.parse %.1f MB/s baseline=%.1f%n", splitAndParsed, split);
            }
        }
    }

    private static double run(LineSplitter splitter, byte[] stream) {
        long start = System.nanoTime();
        for (int offset = 0; offset < stream.length; offset += 256) {
            splitter.feed(stream, offset, Math.min(256, stream.length - offset));
        }
        return stream.length / 1e6 / ((System.nanoTime() - start) / 1e9);
    }
}
