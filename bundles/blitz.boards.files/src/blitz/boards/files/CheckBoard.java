// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import blitz.boards.files.internal.DecoderRules;

/**
 * {@code check-board FILE...}: reads each board file and runs the decoder conformance rules that need
 * no test framework over its fixtures (recorded values, short payloads refused, extra bits ignored).
 * Prints one report per file; the exit status is 0 only when every file passes. Needs only the class
 * path of blitz.boards.files, blitz.boards, blitz.codec, blitz.model and jackson-core, or the shell
 * command {@code client:check-board FILE} in a running Blitz.
 */
public final class CheckBoard {
    private CheckBoard() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: check-board FILE...");
            System.exit(2);
        }
        boolean allPass = true;
        for (String file : args) {
            allPass &= report(Path.of(file), System.out);
        }
        System.exit(allPass ? 0 : 1);
    }

    /** Checks one file and prints its report; @return whether it passed */
    public static boolean report(Path file, PrintStream out) {
        try {
            BoardFile board = BoardFiles.read(file);
            List<String> problems = DecoderRules.check(board);
            if (problems.isEmpty()) {
                out.printf("PASS %s: board %d \"%s\", %d fields, %d fixtures%n", file, board.decoder().boardId(),
                        board.decoder().description(), board.decoder().variables().size(), board.fixtures().size());
                return true;
            }
            problems.forEach(problem -> out.println("FAIL " + problem));
        } catch (BoardFileException e) {
            out.println("FAIL " + e.getMessage());
        }
        return false;
    }
}
