// SPDX-License-Identifier: EPL-2.0
package org.example.blitz.soil.tests;

import java.util.List;

import org.example.blitz.soil.SoilProbeBoard;

import blitz.decoder.conformance.BoardDecoderConformance;
import blitz.decoder.conformance.DecoderFixture;
import blitz.model.decoder.BoardDecoder;

/** The soil probe passes Blitz's decoder conformance kit with its recorded fixtures. */
class SoilProbeConformanceTest extends BoardDecoderConformance {

    @Override
    protected BoardDecoder decoder() {
        return new SoilProbeBoard();
    }

    @Override
    protected List<DecoderFixture> fixtures() {
        return loadFixtures("fixtures/board-31.txt");
    }
}
