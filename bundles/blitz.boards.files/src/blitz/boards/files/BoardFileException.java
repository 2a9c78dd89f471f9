// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files;

/**
 * A board definition file that cannot be used: which file, where in it and what is wrong. The
 * message reads {@code file:line:column: problem}, as compilers write it, so editors can jump there.
 */
public final class BoardFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param line   1-based, 0 when the problem is the whole file
     * @param column 1-based, 0 when unknown
     */
    public BoardFileException(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** @return the file (a path, or a bundle entry) */
    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** @return what is wrong, without the location */
    public String problem() {
        return problem;
    }
}
