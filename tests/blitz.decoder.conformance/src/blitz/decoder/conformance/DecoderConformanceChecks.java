// SPDX-License-Identifier: EPL-2.0
package blitz.decoder.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.MessageDecodingException;
import blitz.model.decoder.VariableSpec;
import blitz.model.message.BoardMessage;
import blitz.model.message.MessageType;

/**
 * The rules of the {@link BoardDecoder} contract as assertions. {@link BoardDecoderConformance}
 * runs them all; they are public so that a test can run one on its own. Each throws an
 * {@link AssertionError} naming the rule that was broken.
 */
public final class DecoderConformanceChecks {
    /** Largest difference allowed between a decoded and a recorded value. */
    public static final double TOLERANCE = 1e-9;

    private DecoderConformanceChecks() {
    }

    /** Board id, description and variables are well formed and the same on every call. */
    public static void checkConstants(BoardDecoder decoder) {
        int boardId = decoder.boardId();
        assertTrue(boardId >= 0 && boardId <= 0xFF, "boardId() must be 0..255, was " + boardId);
        String description = decoder.description();
        assertNotNull(description, "description() must not be null");
        assertFalse(description.isBlank(), "description() must not be blank");
        List<VariableSpec> variables = decoder.variables();
        assertNotNull(variables, "variables() must not be null");
        assertFalse(variables.isEmpty(), "variables() must list at least one variable");
        Set<String> names = new HashSet<>();
        for (VariableSpec spec : variables) {
            assertNotNull(spec, "variables() must not contain null");
            assertFalse(spec.name().isBlank(), "variable names must not be blank");
            assertTrue(names.add(spec.name()), "variable " + spec.name() + " is listed twice");
        }
        List<VariableSpec> snapshot = List.copyOf(variables);
        try {
            decoder.variables().clear();
        } catch (UnsupportedOperationException expected) {
            // an unmodifiable list is the right answer
        }
        for (int call = 0; call < 3; call++) {
            assertEquals(boardId, decoder.boardId(), "boardId() must be constant");
            assertEquals(description, decoder.description(), "description() must be constant");
            assertEquals(snapshot, decoder.variables(), "variables() must be constant (and not modifiable by callers)");
        }
    }

    /**
     * Decoded values name only listed variables, each once, in the order of
     * {@link BoardDecoder#variables()}, with finite values in the variable's unit.
     */
    public static void checkValues(BoardDecoder decoder, List<DecodedValue> values, String context) {
        assertNotNull(values, context + ": decode() returned null");
        Map<String, Integer> position = new HashMap<>();
        Map<String, String> units = new HashMap<>();
        List<VariableSpec> variables = decoder.variables();
        for (int i = 0; i < variables.size(); i++) {
            position.put(variables.get(i).name(), i);
            units.put(variables.get(i).name(), variables.get(i).unit());
        }
        int previous = -1;
        for (DecodedValue value : values) {
            assertNotNull(value, context + ": decode() returned a null value");
            Integer index = position.get(value.name());
            assertNotNull(index, context + ": " + value.name() + " is not one of variables()");
            assertTrue(index > previous, context + ": " + value.name()
                    + " is out of the order of variables() or given twice");
            previous = index;
            assertTrue(Double.isFinite(value.value()), context + ": " + value.name() + " is not finite: " + value.value());
            assertEquals(units.get(value.name()), value.unit(), context + ": unit of " + value.name());
        }
    }

    /** The fixture's message comes from this board and decodes to the recorded values. */
    public static List<DecodedValue> checkFixture(BoardDecoder decoder, DecoderFixture fixture) {
        assertEquals(decoder.boardId(), fixture.message().sender(), fixture + ": the fixture is for another board");
        List<DecodedValue> values = decodeOrFail(decoder, fixture.message(), fixture.toString());
        checkValues(decoder, values, fixture.toString());
        Map<String, Double> decoded = new HashMap<>();
        values.forEach(value -> decoded.put(value.name(), value.value()));
        fixture.expected().forEach((name, expected) -> {
            Double actual = decoded.get(name);
            assertNotNull(actual, fixture + ": " + name + " was not decoded");
            assertEquals(expected, actual, TOLERANCE, fixture + ": " + name);
        });
        return values;
    }

    /**
     * The fixture's message cut to every shorter payload length either raises
     * {@link MessageDecodingException} or decodes to the same values as the whole message (the
     * bits the decoder reads are all there, the rest is extra). With {@code requiresPayload} an
     * empty payload must be rejected.
     */
    public static void checkShortPayloads(BoardDecoder decoder, DecoderFixture fixture, boolean requiresPayload) {
        List<DecodedValue> whole = decodeOrFail(decoder, fixture.message(), fixture.toString());
        for (int bits = fixture.message().payloadBits() - 1; bits >= 0; bits--) {
            BoardMessage cut = withPayloadBits(fixture.message(), bits, null);
            String context = fixture + " cut to " + bits + " payload bits";
            try {
                List<DecodedValue> values = decoder.decode(cut);
                checkValues(decoder, values, context);
                assertEquals(whole, values, context + ": decoded without raising MessageDecodingException, "
                        + "so it must give the values of the whole message");
                assertFalse(requiresPayload && bits == 0, context + ": an empty payload must raise MessageDecodingException");
            } catch (MessageDecodingException expected) {
                // the right answer for a payload too short for the layout
            } catch (RuntimeException e) {
                fail(context + ": only MessageDecodingException may escape decode(), got " + e, e);
            }
        }
    }

    /** Payload bits appended after the fixture's message do not change what it decodes to. */
    public static void checkExtraBitsIgnored(BoardDecoder decoder, DecoderFixture fixture, Random random) {
        List<DecodedValue> whole = decodeOrFail(decoder, fixture.message(), fixture.toString());
        for (int extra : new int[] { 1, 4, 8, 13, 64, 200 }) {
            BoardMessage longer = withPayloadBits(fixture.message(), fixture.message().payloadBits() + extra, random);
            String context = fixture + " with " + extra + " random payload bits appended";
            assertEquals(whole, decodeOrFail(decoder, longer, context), context + ": extra bits must be ignored");
        }
    }

    /** Several threads decoding the fixtures at once get the same values as one thread. */
    public static void checkConcurrentDecoding(BoardDecoder decoder, List<DecoderFixture> fixtures, int threads, int rounds)
            throws InterruptedException {
        List<List<DecodedValue>> reference = new ArrayList<>();
        for (DecoderFixture fixture : fixtures) {
            reference.add(decodeOrFail(decoder, fixture.message(), fixture.toString()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < rounds; round++) {
                        int i = (round + offset) % fixtures.size();
                        List<DecodedValue> values = decoder.decode(fixtures.get(i).message());
                        if (!reference.get(i).equals(values)) {
                            return fixtures.get(i) + " decoded concurrently to " + values + " instead of " + reference.get(i);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                try {
                    String problem = result.get(60, TimeUnit.SECONDS);
                    assertTrue(problem == null, problem);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    fail("concurrent decoding failed: " + e, e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Random messages from this board (any type, flags, timestamp and payload length up to 320
     * bits) either decode to well-formed values or raise {@link MessageDecodingException}.
     */
    public static void checkRandomMessages(BoardDecoder decoder, long seed, int count) {
        Random random = new Random(seed);
        for (int n = 0; n < count; n++) {
            int bits = random.nextInt(321);
            byte[] payload = new byte[(bits + 7) / 8];
            random.nextBytes(payload);
            BoardMessage message = withPayloadBits(new BoardMessage(decoder.boardId(), MessageType.ofCode(random.nextInt(8)),
                    random.nextInt(32), random.nextLong() & 0xFFFF_FFFFL, payload, payload.length * 8), bits, null);
            String context = "random message #" + n + " of seed " + seed + " (" + message + ")";
            try {
                checkValues(decoder, decoder.decode(message), context);
            } catch (MessageDecodingException expected) {
                // allowed
            } catch (RuntimeException e) {
                fail(context + ": only MessageDecodingException may escape decode(), got " + e, e);
            }
        }
    }

    /**
     * @return a copy of {@code message} with exactly {@code bits} payload bits: cut, or extended
     *         with random bits ({@code random} must then be given)
     */
    public static BoardMessage withPayloadBits(BoardMessage message, int bits, Random random) {
        byte[] source = message.payload();
        byte[] payload = new byte[(bits + 7) / 8];
        if (random != null) {
            random.nextBytes(payload);
        }
        int keep = Math.min(bits, message.payloadBits());
        for (int bit = 0; bit < keep; bit++) {
            int mask = 0x80 >>> (bit & 7);
            payload[bit >>> 3] = (byte) ((source[bit >>> 3] & mask) != 0 ? payload[bit >>> 3] | mask : payload[bit >>> 3] & ~mask);
        }
        if (bits % 8 != 0) {
            payload[payload.length - 1] &= (byte) (0xFF << (8 - bits % 8));
        }
        return new BoardMessage(message.sender(), message.type(), message.flagBits(), message.timestamp(), payload, bits);
    }

    private static List<DecodedValue> decodeOrFail(BoardDecoder decoder, BoardMessage message, String context) {
        try {
            return decoder.decode(message);
        } catch (MessageDecodingException | RuntimeException e) {
            return fail(context + ": must decode, got " + e, e);
        }
    }
}
