// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import blitz.boards.files.BoardFileException;

/**
 * Where a board file's fields sit: refuses a name or flag used twice, fields whose bits overlap and
 * fields beyond the payload.
 */
final class FieldPlacement {
    private final JsonReader json;
    private final int payloadBits;
    private final boolean payloadDeclared;
    private final Map<String, Integer> names = new HashMap<>();
    private final Map<Integer, String> flags = new HashMap<>();
    /** Placed fields by first bit: the field's name and its end (exclusive). */
    private final TreeMap<Integer, Placed> bits = new TreeMap<>();

    private record Placed(String name, int end) {
    }

    FieldPlacement(JsonReader json, int payloadBits, boolean payloadDeclared) {
        this.json = json;
        this.payloadBits = payloadBits;
        this.payloadDeclared = payloadDeclared;
    }

    void name(Json at, String name) throws BoardFileException {
        Integer first = names.putIfAbsent(name, at.line());
        if (first != null) {
            throw json.error(at, "field name " + name + " is used twice (first on line " + first + ")");
        }
    }

    void flag(Json at, String name, int index) throws BoardFileException {
        String other = flags.putIfAbsent(index, name);
        if (other != null) {
            throw json.error(at, "fields " + other + " and " + name + " both read flag " + index);
        }
    }

    void bits(Json at, String name, int offset, int width) throws BoardFileException {
        int end = offset + width;
        if (end > payloadBits) {
            throw json.error(at, "field " + name + " needs payload bits " + offset + ".." + (end - 1) + " but the payload has "
                    + (payloadDeclared ? payloadBits + " bits (\"payloadBits\")" : "at most " + payloadBits + " bits"));
        }
        var before = bits.floorEntry(end - 1);
        if (before != null && before.getValue().end() > offset) {
            throw json.error(at, "field " + name + " (bits " + offset + ".." + (end - 1) + ") overlaps field "
                    + before.getValue().name() + " (bits " + before.getKey() + ".." + (before.getValue().end() - 1) + ")");
        }
        bits.put(offset, new Placed(name, end));
    }
}
