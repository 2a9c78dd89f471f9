// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.internal;

import java.util.Set;
import java.util.TreeSet;

import blitz.boards.files.BoardFileException;

/** Typed reads of a {@link Json} tree, each failing with the file, line and column of the value. */
final class JsonReader {
    private final String origin;

    JsonReader(String origin) {
        this.origin = origin;
    }

    BoardFileException error(Json at, String problem) {
        return new BoardFileException(origin, at.line(), at.column(), problem);
    }

    Json.Obj object(Json value, String what) throws BoardFileException {
        if (value instanceof Json.Obj object) {
            return object;
        }
        throw error(value, what + " must be an object, found " + value.kind());
    }

    Json.Arr array(Json value, String key) throws BoardFileException {
        if (value instanceof Json.Arr array) {
            return array;
        }
        throw error(value, "\"" + key + "\" must be an array, found " + value.kind());
    }

    String string(Json value, String key) throws BoardFileException {
        if (value instanceof Json.Str text) {
            return text.value();
        }
        throw error(value, "\"" + key + "\" must be a string, found " + value.kind());
    }

    boolean bool(Json value, String key) throws BoardFileException {
        if (value instanceof Json.Bool bool) {
            return bool.value();
        }
        throw error(value, "\"" + key + "\" must be true or false, found " + value.kind());
    }

    double number(Json value, String key) throws BoardFileException {
        if (value instanceof Json.Num number && Double.isFinite(number.value())) {
            return number.value();
        }
        throw error(value, "\"" + key + "\" must be a finite number, found " + value.kind());
    }

    int integer(Json value, String key, int min, int max) throws BoardFileException {
        if (value instanceof Json.Num number && number.integral() && number.value() >= min && number.value() <= max) {
            return (int) number.value();
        }
        throw error(value, "\"" + key + "\" must be a whole number " + min + ".." + max + ", found "
                + (value instanceof Json.Num number ? String.valueOf(number.value()) : value.kind()));
    }

    Json required(Json.Obj object, String key) throws BoardFileException {
        Json value = object.members().get(key);
        if (value == null) {
            throw error(object, "\"" + key + "\" is missing");
        }
        return value;
    }

    /** Unknown keys are refused: a misspelt {@code "scael"} must not pass silently. */
    void onlyKeys(Json.Obj object, Set<String> allowed, String what) throws BoardFileException {
        for (var key : object.keys().entrySet()) {
            if (!allowed.contains(key.getKey())) {
                throw error(key.getValue(), "\"" + key.getKey() + "\" is not a key of " + what + " (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }
}
