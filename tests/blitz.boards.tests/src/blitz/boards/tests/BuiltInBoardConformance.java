// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

import java.util.List;
import java.util.Locale;

import blitz.decoder.conformance.BoardDecoderConformance;
import blitz.decoder.conformance.DecoderFixture;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;
import blitz.testing.Osgi;

/** Runs the conformance kit on a built-in board as registered in the framework, with fixtures/board-XX.txt. */
abstract class BuiltInBoardConformance extends BoardDecoderConformance {
    private final int boardId;

    BuiltInBoardConformance(int boardId) {
        this.boardId = boardId;
    }

    @Override
    protected BoardDecoder decoder() {
        return Osgi.await(DecoderRegistry.class).decoderFor(boardId)
                .orElseThrow(() -> new AssertionError("no decoder registered for board " + boardId));
    }

    @Override
    protected List<DecoderFixture> fixtures() {
        return loadFixtures(String.format(Locale.ROOT, "fixtures/board-%02x.txt", boardId));
    }
}
