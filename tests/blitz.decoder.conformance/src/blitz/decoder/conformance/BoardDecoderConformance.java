// SPDX-License-Identifier: EPL-2.0
package blitz.decoder.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import blitz.model.decoder.BoardDecoder;

/**
 * The decoder conformance kit: extend this class in your test bundle, return your decoder and its
 * recorded fixtures, and every rule of the {@link BoardDecoder} contract is checked against them.
 *
 * <pre>{@code
 * class WindVaneBoardConformanceTest extends BoardDecoderConformance {
 *     protected BoardDecoder decoder() { return new WindVaneBoard(); }
 *     protected List<DecoderFixture> fixtures() { return loadFixtures("fixtures/board-20.txt"); }
 * }
 * }</pre>
 *
 * Fixture files are described in {@link DecoderFixtures}. Random inputs use a fixed seed, so a
 * failure repeats; override {@link #seed()} to explore others.
 */
public abstract class BoardDecoderConformance {

    /** @return the decoder under test */
    protected abstract BoardDecoder decoder();

    /** @return recorded messages of this board with their expected values, at least one */
    protected abstract List<DecoderFixture> fixtures();

    /** @return whether a message with an empty payload must be rejected (false for a flags-only board) */
    protected boolean requiresPayload() {
        return true;
    }

    /** @return the seed of the random inputs */
    protected long seed() {
        return 20_140_419L;
    }

    /** Loads a fixture file from the test class's own bundle, e.g. {@code "fixtures/board-08.txt"}. */
    protected final List<DecoderFixture> loadFixtures(String resource) {
        return DecoderFixtures.load(getClass(), resource);
    }

    @Test
    void constantsAreWellFormedAndStable() {
        DecoderConformanceChecks.checkConstants(decoder());
    }

    @Test
    void hasFixtures() {
        assertFalse(fixtures().isEmpty(), "give at least one recorded fixture");
    }

    @TestFactory
    Stream<DynamicTest> fixturesDecodeToTheirRecordedValues() {
        BoardDecoder decoder = decoder();
        return perFixture(fixture -> DecoderConformanceChecks.checkFixture(decoder, fixture));
    }

    @TestFactory
    Stream<DynamicTest> shortPayloadsAreRejected() {
        BoardDecoder decoder = decoder();
        return perFixture(fixture -> DecoderConformanceChecks.checkShortPayloads(decoder, fixture, requiresPayload()));
    }

    @TestFactory
    Stream<DynamicTest> extraPayloadBitsAreIgnored() {
        BoardDecoder decoder = decoder();
        Random random = new Random(seed());
        return perFixture(fixture -> DecoderConformanceChecks.checkExtraBitsIgnored(decoder, fixture, random));
    }

    @Test
    void decodesConcurrently() throws InterruptedException {
        DecoderConformanceChecks.checkConcurrentDecoding(decoder(), fixtures(), 4, 5_000);
    }

    @Test
    void randomMessagesOnlyRaiseMessageDecodingException() {
        DecoderConformanceChecks.checkRandomMessages(decoder(), seed(), 5_000);
    }

    private Stream<DynamicTest> perFixture(FixtureCheck check) {
        return fixtures().stream().map(fixture -> DynamicTest.dynamicTest(fixture.toString(), () -> check.run(fixture)));
    }

    @FunctionalInterface
    private interface FixtureCheck {
        void run(DecoderFixture fixture) throws Exception;
    }
}
