// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import blitz.boards.files.internal.Formula;
import blitz.boards.files.internal.Formula.FormulaException;

/** The formula language: arithmetic of x in Java's order, a few functions, nothing else. */
class FormulaTest {

    private static double at(String formula, double x) throws FormulaException {
        return Formula.parse(formula).applyAsDouble(x);
    }

    @Test
    void arithmeticAsJavaWritesIt() throws FormulaException {
        assertEquals((3000000.0 - 2000000) / 1000000, at("(x - 2000000) / 1000000", 3000000));
        assertEquals(2 + 3 * 4.0, at("2 + x * 4", 3));
        assertEquals(-5.0, at("--x", -5), "minus minus x is x");
        assertEquals(1.5e3, at("x * 1.5e3", 1));
        assertEquals(10 - 4 - 3, at("x - 4 - 3", 10), "left to right");
        assertEquals(7, at("max(abs(x), min(3, 7))", -7));
        assertEquals(3, at("sqrt(x)", 9));
    }

    @Test
    void errorsNameTheCharacter() {
        assertEquals(4, assertThrows(FormulaException.class, () -> Formula.parse("x + ")).index());
        assertEquals(2, assertThrows(FormulaException.class, () -> Formula.parse("x ) 2")).index());
        assertThrows(FormulaException.class, () -> Formula.parse("min(x)"));
        assertThrows(FormulaException.class, () -> Formula.parse("System.exit(0)"));
        assertThrows(FormulaException.class, () -> Formula.parse("(".repeat(300)));
    }
}
