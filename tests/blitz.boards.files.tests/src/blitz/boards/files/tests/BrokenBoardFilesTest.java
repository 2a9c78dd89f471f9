// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import blitz.boards.files.BoardFileException;
import blitz.boards.files.BoardFiles;

/** A bad board file is refused with its file, line, column and problem. */
class BrokenBoardFilesTest {

    private static BoardFileException refused(String text) {
        return assertThrows(BoardFileException.class, () -> BoardFiles.parse("wind.json", text));
    }

    private static String board(String fields) {
        return "{\n  \"id\": 32,\n  \"name\": \"Wind\",\n  \"fields\": [\n" + fields + "\n  ]\n}\n";
    }

    @Test
    void badSyntaxNamesItsLine() {
        BoardFileException e = refused(board("    {\"name\": \"a\", \"bitOffset\": 0, \"width\": 8}\n    {\"name\": \"b\"}"));
        assertEquals("wind.json", e.file());
        assertEquals(6, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("wind.json:6:"), e.getMessage());
        assertTrue(e.problem().startsWith("bad JSON"), e.getMessage());
    }

    @Test
    void overlappingFieldsNameBoth() {
        BoardFileException e = refused(board("    {\"name\": \"speed\", \"bitOffset\": 0, \"width\": 12},\n"
                + "    {\"name\": \"angle\", \"bitOffset\": 8, \"width\": 8}"));
        assertEquals(6, e.line());
        assertEquals("field angle (bits 8..15) overlaps field speed (bits 0..11)", e.problem());
    }

    @Test
    void aFieldBeyondThePayload() {
        BoardFileException e = refused("{\"id\": 32, \"name\": \"Wind\", \"payloadBits\": 64,\n \"fields\": [\n"
                + "  {\"name\": \"speed\", \"bitOffset\": 60, \"width\": 8}]}");
        assertEquals(3, e.line());
        assertEquals("field speed needs payload bits 60..67 but the payload has 64 bits (\"payloadBits\")", e.problem());
        assertTrue(refused(board("    {\"name\": \"speed\", \"bitOffset\": 0, \"width\": 65}")).problem()
                .contains("\"width\" must be a whole number 1..64"));
    }

    @Test
    void namesAndFlagsOnce() {
        assertEquals("field name speed is used twice (first on line 5)", refused(board(
                "    {\"name\": \"speed\", \"bitOffset\": 0, \"width\": 8},\n    {\"name\": \"speed\", \"bitOffset\": 8, \"width\": 8}"))
                .problem());
        assertEquals("fields rain and snow both read flag 1", refused(board(
                "    {\"name\": \"rain\", \"flag\": 1},\n    {\"name\": \"snow\", \"flag\": 1}")).problem());
        assertTrue(refused("{\"id\": 1, \"id\": 2}").problem().startsWith("\"id\" is given twice"));
    }

    @Test
    void keysAndTypes() {
        BoardFileException typo = refused(board("    {\"name\": \"speed\", \"bitOffset\": 0, \"width\": 8, \"scael\": 2}"));
        assertEquals(5, typo.line());
        assertTrue(typo.problem().startsWith("\"scael\" is not a key of a field"), typo.problem());
        assertTrue(refused("{\"id\": 300, \"name\": \"x\", \"fields\": []}").problem().contains("\"id\" must be a whole number 0..255"));
        assertTrue(refused("{\"name\": \"x\", \"fields\": []}").problem().contains("\"id\" is missing"));
        assertTrue(refused("{\"id\": 3, \"name\": \"x\", \"fields\": []}").problem().contains("at least one field"));
        assertTrue(refused(board("    {\"name\": \"speed\", \"bitOffset\": 0, \"width\": 8, \"scale\": 0}")).problem()
                .contains("\"scale\" must not be 0"));
        assertTrue(refused(board("    {\"name\": \"f\", \"flag\": 0, \"width\": 8}")).problem().contains("is a flag"));
        assertTrue(refused("").problem().contains("empty"));
    }

    @Test
    void aBadFormulaPointsAtItsCharacter() {
        BoardFileException e = refused(board("    {\"name\": \"t\", \"bitOffset\": 0, \"width\": 16, \"formula\": \"(x - 27315 / 100\"}"));
        assertEquals(5, e.line());
        assertTrue(e.problem().contains("expected ')' at character 17"), e.problem());
        assertTrue(refused(board("    {\"name\": \"t\", \"bitOffset\": 0, \"width\": 16, \"formula\": \"exp(x)\"}")).problem()
                .contains("unknown function 'exp'"));
        assertTrue(refused(board("    {\"name\": \"t\", \"bitOffset\": 0, \"width\": 16, \"formula\": \"x * y\"}")).problem()
                .contains("unknown name 'y'"));
        assertTrue(refused(board("    {\"name\": \"t\", \"bitOffset\": 0, \"width\": 16, \"formula\": \"x/2\", \"scale\": 2}"))
                .problem().contains("has a formula"));
    }

    @Test
    void aFixtureThatDecodesOtherwise() {
        BoardFileException e = refused("{\"id\": 32, \"name\": \"Wind\", \"fields\": [{\"name\": \"speed\", \"bitOffset\": 0, \"width\": 8}],\n"
                + "\"fixtures\": [\n {\"line\": \"20A0000003E8FF00000000000000\", \"values\": {\"speed\": 254}}]}");
        assertEquals(3, e.line());
        assertEquals("fixture does not decode as recorded: speed is 255.0, recorded 254.0", e.problem());
        assertTrue(refused("{\"id\": 32, \"name\": \"Wind\", \"fields\": [{\"name\": \"speed\", \"bitOffset\": 0, \"width\": 8}],\n"
                + "\"fixtures\": [{\"line\": \"21A0000003E8FF00000000000000\", \"values\": {}}]}").problem()
                .contains("comes from board 33"));
    }
}
