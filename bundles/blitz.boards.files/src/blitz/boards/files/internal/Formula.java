// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * The small formula language of board files: a field's raw value {@code x} turned into a physical
 * value. Numbers, {@code x}, {@code + - * /}, unary minus, parentheses and the functions
 * {@code abs(a)}, {@code sqrt(a)}, {@code min(a, b)}, {@code max(a, b)}. Nothing else: no names,
 * no loops, no calls out, so a file cannot do anything but compute. Operations run left to right
 * in plain double arithmetic, so {@code (x - 2000000) / 1000000} gives exactly the value of a Java
 * decoder that writes the same.
 */
public final class Formula {
    /** Longer formulas are refused, which also bounds the parser's recursion. */
    static final int MAX_LENGTH = 200;

    private final String text;
    private int position;

    private Formula(String text) {
        this.text = text;
    }

    /**
     * @param text the formula
     * @return the formula as a function of {@code x}
     * @throws FormulaException naming the character where the formula went wrong
     */
    public static DoubleUnaryOperator parse(String text) throws FormulaException {
        if (text.length() > MAX_LENGTH) {
            throw new FormulaException(0, "longer than " + MAX_LENGTH + " characters");
        }
        Formula parser = new Formula(text);
        Node node = parser.sum();
        parser.skipBlanks();
        if (parser.position < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.position) + "'");
        }
        return node::at;
    }

    @FunctionalInterface
    private interface Node {
        double at(double x);
    }

    private Node sum() throws FormulaException {
        Node left = product();
        for (char op = peek(); op == '+' || op == '-'; op = peek()) {
            position++;
            Node a = left;
            Node b = product();
            left = op == '+' ? x -> a.at(x) + b.at(x) : x -> a.at(x) - b.at(x);
        }
        return left;
    }

    private Node product() throws FormulaException {
        Node left = unary();
        for (char op = peek(); op == '*' || op == '/'; op = peek()) {
            position++;
            Node a = left;
            Node b = unary();
            left = op == '*' ? x -> a.at(x) * b.at(x) : x -> a.at(x) / b.at(x);
        }
        return left;
    }

    private Node unary() throws FormulaException {
        if (peek() == '-') {
            position++;
            Node operand = unary();
            return x -> -operand.at(x);
        }
        return primary();
    }

    private Node primary() throws FormulaException {
        char next = peek();
        if (next == '(') {
            position++;
            Node inner = sum();
            expect(')');
            return inner;
        }
        if (Character.isDigit(next) || next == '.') {
            return number();
        }
        if (Character.isLetter(next)) {
            return nameOrCall();
        }
        throw error(next == 0 ? "the formula ends too early" : "unexpected '" + next + "'");
    }

    private Node number() throws FormulaException {
        int start = position;
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            position++;
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
        }
        String literal = text.substring(start, position);
        try {
            double value = Double.parseDouble(literal);
            return x -> value;
        } catch (NumberFormatException e) {
            position = start;
            throw error("not a number: " + literal);
        }
    }

    private Node nameOrCall() throws FormulaException {
        int start = position;
        while (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
            position++;
        }
        String name = text.substring(start, position).toLowerCase(Locale.ROOT);
        if (name.equals("x")) {
            return x -> x;
        }
        if (peek() != '(') {
            position = start;
            throw error("unknown name '" + name + "' (only x is known)");
        }
        position++;
        List<Node> arguments = new ArrayList<>();
        arguments.add(sum());
        while (peek() == ',') {
            position++;
            arguments.add(sum());
        }
        expect(')');
        return call(name, arguments, start);
    }

    private Node call(String name, List<Node> arguments, int at) throws FormulaException {
        int wanted = name.equals("min") || name.equals("max") ? 2 : 1;
        if (!List.of("abs", "sqrt", "min", "max").contains(name)) {
            position = at;
            throw error("unknown function '" + name + "' (abs, sqrt, min, max are known)");
        }
        if (arguments.size() != wanted) {
            position = at;
            throw error(name + " takes " + wanted + " argument" + (wanted == 1 ? "" : "s") + ", not " + arguments.size());
        }
        Node a = arguments.get(0);
        return switch (name) {
        case "abs" -> x -> Math.abs(a.at(x));
        case "sqrt" -> x -> Math.sqrt(a.at(x));
        case "min" -> x -> Math.min(a.at(x), arguments.get(1).at(x));
        default -> x -> Math.max(a.at(x), arguments.get(1).at(x));
        };
    }

    private void expect(char wanted) throws FormulaException {
        if (peek() != wanted) {
            throw error("expected '" + wanted + "'");
        }
        position++;
    }

    /** @return the next character after blanks, 0 at the end */
    private char peek() {
        skipBlanks();
        return position < text.length() ? text.charAt(position) : 0;
    }

    private void skipBlanks() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private FormulaException error(String problem) {
        return new FormulaException(position, problem);
    }

    /** A formula that cannot be parsed: where (0-based character) and why. */
    public static final class FormulaException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int index;

        FormulaException(int index, String problem) {
            super(problem + " at character " + (index + 1));
            this.index = index;
        }

        /** @return the 0-based index of the character where the problem was found */
        public int index() {
            return index;
        }
    }
}
