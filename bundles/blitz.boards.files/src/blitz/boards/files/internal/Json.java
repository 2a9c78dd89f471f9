// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import blitz.boards.files.BoardFileException;

/**
 * A JSON document as a small tree whose every value knows its line and column, read with Jackson's
 * streaming parser (a data binder would lose the locations that error messages name).
 */
sealed interface Json {
    int line();

    int column();

    /** @return what the value is, for "must be a number, found a string" */
    default String kind() {
        if (this instanceof Obj) {
            return "an object";
        }
        if (this instanceof Arr) {
            return "an array";
        }
        if (this instanceof Str) {
            return "a string";
        }
        if (this instanceof Num) {
            return "a number";
        }
        return this instanceof Bool ? "true or false" : "null";
    }

    record Obj(Map<String, Json> members, Map<String, Json> keys, int line, int column) implements Json {
    }

    record Arr(List<Json> items, int line, int column) implements Json {
    }

    record Str(String value, int line, int column) implements Json {
    }

    record Num(double value, boolean integral, int line, int column) implements Json {
    }

    record Bool(boolean value, int line, int column) implements Json {
    }

    record Null(int line, int column) implements Json {
    }

    /** Documents larger than this are not board files. */
    int MAX_CHARS = 1 << 20;

    JsonFactory FACTORY = JsonFactory.builder().build();

    /**
     * @param origin the file, for error messages
     * @throws BoardFileException on bad syntax or a key given twice in one object
     */
    static Json parse(String origin, String text) throws BoardFileException {
        if (text.length() > MAX_CHARS) {
            throw new BoardFileException(origin, 1, 1, "larger than " + MAX_CHARS + " characters");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new BoardFileException(origin, 1, 1, "the file is empty");
            }
            Json root = read(origin, parser);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new BoardFileException(origin, at.getLineNr(), at.getColumnNr(), "text after the board's closing '}'");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String problem = e.getOriginalMessage();
            throw new BoardFileException(origin, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "bad JSON: " + problem);
        } catch (IOException e) {
            throw new BoardFileException(origin, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    private static Json read(String origin, JsonParser parser) throws IOException, BoardFileException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        switch (token) {
        case START_OBJECT: {
            Map<String, Json> members = new LinkedHashMap<>();
            Map<String, Json> keys = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                if (members.containsKey(name)) {
                    throw new BoardFileException(origin, keyAt.getLineNr(), keyAt.getColumnNr(), "\"" + name
                            + "\" is given twice (first on line " + keys.get(name).line() + ")");
                }
                keys.put(name, new Str(name, keyAt.getLineNr(), keyAt.getColumnNr()));
                parser.nextToken();
                members.put(name, read(origin, parser));
            }
            return new Obj(members, keys, line, column);
        }
        case START_ARRAY: {
            List<Json> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(origin, parser));
            }
            return new Arr(items, line, column);
        }
        case VALUE_STRING:
            return new Str(parser.getText(), line, column);
        case VALUE_NUMBER_INT:
            return new Num(parser.getDoubleValue(), true, line, column);
        case VALUE_NUMBER_FLOAT:
            return new Num(parser.getDoubleValue(), false, line, column);
        case VALUE_TRUE:
        case VALUE_FALSE:
            return new Bool(token == JsonToken.VALUE_TRUE, line, column);
        default:
            return new Null(line, column);
        }
    }
}
