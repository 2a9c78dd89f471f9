// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

import blitz.boards.BitField;
import blitz.boards.FieldLayoutDecoder;
import blitz.boards.files.BoardFile;
import blitz.boards.files.BoardFileException;
import blitz.boards.files.BoardFixture;
import blitz.codec.BoardMessageCodec;
import blitz.codec.MalformedLineException;
import blitz.model.decoder.VariableSpec;
import blitz.model.message.BoardMessage;

/**
 * Turns a board file's JSON into a {@link BoardFile}, checking everything the schema says and what
 * it cannot say (overlapping fields, fields beyond the payload, formulas, fixtures), and naming the
 * line and column of the first problem. One parser per file; not thread-safe.
 */
public final class BoardFileParser {
    /** The longest payload a field may reach when the file gives no {@code payloadBits}. */
    static final int MAX_PAYLOAD_BITS = 4096;
    private static final Set<String> BOARD_KEYS = Set.of("$schema", "id", "name", "description", "payloadBits", "fields",
            "fixtures");
    private static final Set<String> FIELD_KEYS = Set.of("name", "description", "unit", "flag", "bitOffset", "width",
            "signed", "scale", "offset", "formula");
    private static final Set<String> FIXTURE_KEYS = Set.of("line", "values");

    private final String origin;
    private final JsonReader json;

    private BoardFileParser(String origin) {
        this.origin = origin;
        this.json = new JsonReader(origin);
    }

    /**
     * @param origin the file's name, for error messages
     * @param text   the file's content
     * @throws BoardFileException naming the file, line and problem
     */
    public static BoardFile parse(String origin, String text) throws BoardFileException {
        return new BoardFileParser(origin).board(Json.parse(origin, text));
    }

    private BoardFile board(Json root) throws BoardFileException {
        Json.Obj board = json.object(root, "the board");
        json.onlyKeys(board, BOARD_KEYS, "a board");
        int id = boardId(json.required(board, "id"));
        String name = json.string(json.required(board, "name"), "name");
        if (name.isBlank()) {
            throw json.error(board.members().get("name"), "\"name\" must not be blank");
        }
        String description = board.members().containsKey("description")
                ? json.string(board.members().get("description"), "description") : "";
        Json payloadBits = board.members().get("payloadBits");
        int payloadLimit = payloadBits == null ? MAX_PAYLOAD_BITS : json.integer(payloadBits, "payloadBits", 1, MAX_PAYLOAD_BITS);
        Json.Arr fieldList = json.array(json.required(board, "fields"), "fields");
        if (fieldList.items().isEmpty()) {
            throw json.error(fieldList, "\"fields\" must list at least one field");
        }
        List<BitField> layout = new ArrayList<>();
        FieldPlacement placement = new FieldPlacement(json, payloadLimit, payloadBits != null);
        for (Json item : fieldList.items()) {
            layout.add(field(json.object(item, "a field"), placement));
        }
        FieldLayoutDecoder decoder = new FieldLayoutDecoder(id, name.strip(), layout);
        List<BoardFixture> fixtures = new ArrayList<>();
        Json fixtureList = board.members().get("fixtures");
        if (fixtureList != null) {
            for (Json item : json.array(fixtureList, "fixtures").items()) {
                fixtures.add(fixture(json.object(item, "a fixture"), decoder));
            }
        }
        return new BoardFile(origin, decoder, description, fixtures);
    }

    private int boardId(Json value) throws BoardFileException {
        if (value instanceof Json.Str text && text.value().matches("0[xX][0-9A-Fa-f]{1,2}")) {
            return Integer.parseInt(text.value().substring(2), 16);
        }
        if (value instanceof Json.Str) {
            throw json.error(value, "\"id\" must be 0..255 or a hex string such as \"0x20\"");
        }
        return json.integer(value, "id", 0, 255);
    }

    private BitField field(Json.Obj field, FieldPlacement placement) throws BoardFileException {
        json.onlyKeys(field, FIELD_KEYS, "a field");
        Json nameValue = json.required(field, "name");
        String name = json.string(nameValue, "name");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
            throw json.error(nameValue, "field name \"" + name + "\" must start with a letter or _ and hold only letters, digits, _ . -");
        }
        placement.name(nameValue, name);
        String unit = field.members().containsKey("unit") ? json.string(field.members().get("unit"), "unit") : "";
        if (field.members().containsKey("description")) {
            json.string(field.members().get("description"), "description");
        }
        if (field.members().containsKey("flag")) {
            for (String key : List.of("bitOffset", "width", "signed", "scale", "offset", "formula", "unit")) {
                if (field.members().containsKey(key)) {
                    throw json.error(field.keys().get(key), "field " + name + " is a flag: \"" + key + "\" does not apply");
                }
            }
            Json flag = field.members().get("flag");
            int index = json.integer(flag, "flag", 0, BoardMessage.FLAG_COUNT - 1);
            placement.flag(flag, name, index);
            return BitField.flag(name, index);
        }
        int bitOffset = json.integer(json.required(field, "bitOffset"), "bitOffset", 0, MAX_PAYLOAD_BITS - 1);
        Json widthValue = json.required(field, "width");
        int width = json.integer(widthValue, "width", 1, 64);
        placement.bits(widthValue, name, bitOffset, width);
        boolean signed = field.members().containsKey("signed") && json.bool(field.members().get("signed"), "signed");
        return BitField.converted(new VariableSpec(name, unit), bitOffset, width, signed, conversion(field, name));
    }

    private DoubleUnaryOperator conversion(Json.Obj field, String name) throws BoardFileException {
        Json formula = field.members().get("formula");
        if (formula != null) {
            for (String key : List.of("scale", "offset")) {
                if (field.members().containsKey(key)) {
                    throw json.error(field.keys().get(key), "field " + name + " has a formula: give \"" + key
                            + "\" inside it, not beside it");
                }
            }
            String text = json.string(formula, "formula");
            try {
                return Formula.parse(text);
            } catch (Formula.FormulaException e) {
                throw new BoardFileException(origin, formula.line(), formula.column() + 1 + e.index(),
                        "field " + name + ": formula \"" + text + "\": " + e.getMessage());
            }
        }
        double scale = field.members().containsKey("scale") ? json.number(field.members().get("scale"), "scale") : 1;
        double offset = field.members().containsKey("offset") ? json.number(field.members().get("offset"), "offset") : 0;
        if (scale == 0) {
            throw json.error(field.members().get("scale"), "field " + name + ": \"scale\" must not be 0");
        }
        if (scale == 1 && offset == 0) {
            return DoubleUnaryOperator.identity();
        }
        return x -> x * scale + offset;
    }

    private BoardFixture fixture(Json.Obj fixture, FieldLayoutDecoder decoder) throws BoardFileException {
        json.onlyKeys(fixture, FIXTURE_KEYS, "a fixture");
        Json lineValue = json.required(fixture, "line");
        String line = json.string(lineValue, "line").strip();
        BoardMessage message;
        try {
            message = BoardMessageCodec.standard().parse(line);
        } catch (MalformedLineException e) {
            throw json.error(lineValue, "fixture line is not a board line: " + e.getMessage());
        }
        if (message.sender() != decoder.boardId()) {
            throw json.error(lineValue, "fixture line comes from board " + message.sender() + ", the file is board "
                    + decoder.boardId());
        }
        Json.Obj values = json.object(json.required(fixture, "values"), "\"values\"");
        Map<String, Double> expected = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        decoder.variables().forEach(spec -> known.add(spec.name()));
        for (var entry : values.members().entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw json.error(values.keys().get(entry.getKey()), "fixture names " + entry.getKey() + ", which is no field of the board");
            }
            expected.put(entry.getKey(), json.number(entry.getValue(), entry.getKey()));
        }
        BoardFixture result = new BoardFixture(origin + ":" + lineValue.line(), line, message, expected);
        List<String> mismatches = FixtureCheck.mismatches(decoder, result);
        if (!mismatches.isEmpty()) {
            throw json.error(lineValue, "fixture does not decode as recorded: " + String.join("; ", mismatches));
        }
        return result;
    }
}
