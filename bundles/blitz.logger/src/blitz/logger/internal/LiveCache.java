// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import blitz.logger.LiveValue;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecodedValues;

/**
 * The newest value of every variable, kept per board as that board's newest decoded message: one
 * write per message on the ingest path instead of one map entry per value; {@link LiveValue}s are
 * built only when someone reads. A variable a board's newest message lacks keeps its older value.
 * When two boards send a variable of the same name, the one received last wins. Thread-safe.
 */
final class LiveCache {
    private static final int BOARD_IDS = 256;

    private final AtomicReferenceArray<BoardValues> boards = new AtomicReferenceArray<>(BOARD_IDS);

    /** Records the values of one decoded message of board {@code boardId} (0..255). */
    void update(int boardId, long boardTime, long receivedMs, List<DecodedValue> values) {
        if (values.isEmpty()) {
            return;
        }
        BoardValues previous = boards.get(boardId);
        if (previous != null && previous.older.isEmpty() && previous.hasVariables(values)) {
            // the usual case: the same variables as the board's previous message, nothing older to keep
            boards.set(boardId, new BoardValues(boardId, boardTime, receivedMs, values, previous.names, List.of()));
            return;
        }
        List<LiveValue> older = previous == null ? List.of() : previous.notIn(values);
        String[] names = values.stream().map(DecodedValue::name).toArray(String[]::new);
        boards.set(boardId, new BoardValues(boardId, boardTime, receivedMs, values, names, older));
    }

    /** @return the newest value of every variable, ordered by name */
    Map<String, LiveValue> snapshot() {
        Map<String, LiveValue> live = new TreeMap<>();
        for (int id = 0; id < BOARD_IDS; id++) {
            BoardValues board = boards.get(id);
            if (board != null) {
                board.older.forEach(value -> keepNewest(live, value));
                board.values.forEach(value -> keepNewest(live, board.live(value)));
            }
        }
        return Collections.unmodifiableMap(live);
    }

    private static void keepNewest(Map<String, LiveValue> live, LiveValue value) {
        live.merge(value.name(), value, (kept, next) -> next.receivedMs() >= kept.receivedMs() ? next : kept);
    }

    /**
     * A board's newest message, plus the values of its earlier messages for variables that message
     * does not have (empty as long as every message carries the same variables, the usual case).
     */
    private record BoardValues(int boardId, long boardTime, long receivedMs, List<DecodedValue> values, String[] names,
            List<LiveValue> older) {

        LiveValue live(DecodedValue value) {
            return new LiveValue(value.name(), value.value(), value.unit(), boardId, boardTime, receivedMs);
        }

        /** @return whether {@code next} has exactly this message's variables, in the same order */
        boolean hasVariables(List<DecodedValue> next) {
            if (next instanceof DecodedValues numbers && values instanceof DecodedValues previous
                    && numbers.variables() == previous.variables()) {
                return true; // the decoder's one list of variables: nothing to compare
            }
            if (names.length != next.size()) {
                return false;
            }
            for (int i = 0; i < names.length; i++) {
                String name = next.get(i).name();
                // the names array is shared from message to message and the decoder's names are the same
                // String instances, so this compares references (no walk over the previous message's values)
                if (name != names[i] && !name.equals(names[i])) {
                    return false;
                }
            }
            return true;
        }

        /** @return what of this board's values a message with {@code next} does not replace */
        List<LiveValue> notIn(List<DecodedValue> next) {
            List<LiveValue> kept = new ArrayList<>();
            for (DecodedValue value : values) {
                if (!hasVariable(next, value.name())) {
                    kept.add(live(value));
                }
            }
            for (LiveValue value : older) {
                if (!hasVariable(next, value.name())) {
                    kept.add(value);
                }
            }
            return List.copyOf(kept);
        }

        private static boolean hasVariable(List<DecodedValue> values, String name) {
            for (DecodedValue value : values) {
                if (value.name().equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }
}
