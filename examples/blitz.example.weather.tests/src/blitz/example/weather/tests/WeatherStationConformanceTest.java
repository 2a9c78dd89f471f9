// SPDX-License-Identifier: EPL-2.0
package blitz.example.weather.tests;

import java.util.List;

import blitz.decoder.conformance.BoardDecoderConformance;
import blitz.decoder.conformance.DecoderFixture;
import blitz.example.weather.WeatherStationBoard;
import blitz.model.decoder.BoardDecoder;

/** The example board passes Blitz's decoder conformance kit with its own recorded fixtures. */
class WeatherStationConformanceTest extends BoardDecoderConformance {

    @Override
    protected BoardDecoder decoder() {
        return new WeatherStationBoard();
    }

    @Override
    protected List<DecoderFixture> fixtures() {
        return loadFixtures("fixtures/board-20.txt");
    }
}
