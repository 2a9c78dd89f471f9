// SPDX-License-Identifier: EPL-2.0
package blitz.fuzz.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import blitz.codec.BoardMessageCodec;
import blitz.codec.LineSplitter;
import blitz.codec.MalformedLineException;
import blitz.codec.ShortMessage;
import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.message.BoardMessage;
import blitz.testing.Osgi;

/**
 * Seeded fuzzing of the byte-stream path every board line takes: line splitter, message and short
 * message parsers, and the decoder registry with the built-in boards. No exception may escape, and
 * every input must be accounted for (decoded or counted as bad), checked against a reference split.
 */
class CodecFuzzTest {
    private static final int INPUTS = Integer.getInteger("blitz.fuzz.inputs", 200_000);
    private static final int MAX_LINE = 4096;
    private static DecoderRegistry registry;

    @BeforeAll
    static void registry() throws InterruptedException {
        registry = Osgi.await(DecoderRegistry.class);
        for (int i = 0; i < 100 && registry.decoders().size() < 6; i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void streamOfMutatedLinesIsFullyAccountedFor() throws Exception {
        Corpus corpus = Corpus.load("corpus/lines.txt", 1);
        Random chunking = new Random(2);
        Map<DecodeResult.Status, Long> statuses = new EnumMap<>(DecodeResult.Status.class);
        long[] shortMessages = new long[2];
        LineSplitter splitter = new LineSplitter(MAX_LINE, line -> {
            if (line.length() == ShortMessage.LENGTH) {
                try {
                    ShortMessage.parse(line);
                    shortMessages[0]++;
                } catch (MalformedLineException e) {
                    shortMessages[1]++;
                }
                return;
            }
            statuses.merge(registry.decode(line).status(), 1L, Long::sum);
        });
        ReferenceSplit reference = new ReferenceSplit(MAX_LINE);
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = corpus.next();
            batch.write(input, 0, input.length);
            batch.write(chunking.nextBoolean() ? '\n' : '\r');
            if (batch.size() > 1 << 16 || i == INPUTS - 1) {
                byte[] bytes = batch.toByteArray();
                reference.feed(bytes);
                for (int offset = 0; offset < bytes.length;) {
                    int count = Math.min(bytes.length - offset, 1 + chunking.nextInt(700));
                    splitter.feed(bytes, offset, count);
                    offset += count;
                }
                batch.reset();
            }
        }
        long decodedOrCounted = statuses.values().stream().mapToLong(Long::longValue).sum() + shortMessages[0]
                + shortMessages[1];
        assertEquals(reference.lines, splitter.lines(), "lines delivered");
        assertEquals(reference.overflows, splitter.overflows(), "over-long lines discarded and counted");
        assertEquals(splitter.lines(), decodedOrCounted, "every line decoded or counted");
        assertTrue(statuses.getOrDefault(DecodeResult.Status.DECODED, 0L) > INPUTS / 20, "too few valid inputs: " + statuses);
        assertTrue(statuses.getOrDefault(DecodeResult.Status.MALFORMED, 0L) > 0, "no malformed inputs: " + statuses);
        System.out.println("codec fuzz: " + INPUTS + " inputs, " + splitter.lines() + " lines, " + splitter.overflows()
                + " over-long, statuses " + statuses + ", short messages ok/bad " + shortMessages[0] + "/"
                + shortMessages[1]);
    }

    @Test
    void randomMessagesForEveryBoardNeverThrow() {
        Random random = new Random(3);
        BoardMessageCodec codec = BoardMessageCodec.standard();
        Map<DecodeResult.Status, Long> statuses = new EnumMap<>(DecodeResult.Status.class);
        int[] boards = { 3, 4, 8, 9, 10, 11, 0x20, random.nextInt(256) };
        for (int i = 0; i < INPUTS; i++) {
            int payloadBits = 64 + 4 * random.nextInt(130);
            byte[] payload = new byte[(payloadBits + 7) / 8];
            random.nextBytes(payload);
            BoardMessage message = new BoardMessage(boards[random.nextInt(boards.length)],
                    blitz.model.message.MessageType.ofCode(random.nextInt(8)), random.nextInt(32),
                    random.nextLong() & 0xFFFF_FFFFL, payload, payloadBits);
            DecodeResult viaMessage = registry.decode(message);
            DecodeResult viaLine = registry.decode(codec.encode(message));
            assertEquals(viaMessage.status(), viaLine.status(), "the line and the message decode alike");
            assertEquals(viaMessage.values(), viaLine.values());
            statuses.merge(viaMessage.status(), 1L, Long::sum);
        }
        assertTrue(statuses.getOrDefault(DecodeResult.Status.DECODED, 0L) > INPUTS / 4, "" + statuses);
        System.out.println("decoder fuzz: " + INPUTS + " messages, statuses " + statuses);
    }

    /** A deliberately simple line split over whole buffers: the oracle for the streaming splitter. */
    private static final class ReferenceSplit {
        private final int maxLine;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();
        long lines;
        long overflows;

        ReferenceSplit(int maxLine) {
            this.maxLine = maxLine;
        }

        void feed(byte[] bytes) {
            for (byte b : bytes) {
                if (b == '\r' || b == '\n') {
                    if (current.size() > maxLine) {
                        overflows++;
                    } else if (current.size() > 0) {
                        lines++;
                    }
                    current.reset();
                } else {
                    current.write(b);
                }
            }
        }
    }
}
