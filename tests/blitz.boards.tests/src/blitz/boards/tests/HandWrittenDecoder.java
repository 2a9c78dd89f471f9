// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

import java.util.List;

import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.VariableSpec;
import blitz.model.message.BoardMessage;

/** A decoder written without the layout helper, with constant answers unless a test overrides one. */
class HandWrittenDecoder implements BoardDecoder {
    private final int boardId;

    HandWrittenDecoder(int boardId) {
        this.boardId = boardId;
    }

    @Override
    public int boardId() {
        return boardId;
    }

    @Override
    public String description() {
        return "Hand written";
    }

    @Override
    public List<VariableSpec> variables() {
        return List.of(new VariableSpec("a", ""));
    }

    @Override
    public List<DecodedValue> decode(BoardMessage message) {
        return List.of();
    }
}
