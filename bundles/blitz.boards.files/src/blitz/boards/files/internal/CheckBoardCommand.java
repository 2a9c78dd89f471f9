// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;

import blitz.boards.files.CheckBoard;

/** The shell command {@code client:check-board FILE}: {@link CheckBoard}'s report in a running Blitz. */
@Component(service = CheckBoardCommand.class, property = { "osgi.command.scope=client", "osgi.command.function=check-board" })
public final class CheckBoardCommand {

    /**
     * Gogo calls {@code _main} for a function name that is no Java name ({@code check-board}), with that
     * name first.
     */
    public String _main(String command, String file) {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            CheckBoard.report(Path.of(file), out);
        }
        return report.toString(StandardCharsets.UTF_8).strip();
    }
}
