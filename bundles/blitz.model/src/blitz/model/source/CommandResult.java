// SPDX-License-Identifier: EPL-2.0
package blitz.model.source;

import java.util.Objects;

/**
 * The outcome of a command sent to a board.
 *
 * @param acknowledged whether the board answered ACK ({@code <id>40})
 * @param reply        the board's reply when it was not an ACK, or the reason nothing was sent
 */
public record CommandResult(boolean acknowledged, String reply) {
    public CommandResult {
        Objects.requireNonNull(reply, "reply");
    }

    public static CommandResult ack() {
        return new CommandResult(true, "");
    }

    public static CommandResult failed(String reply) {
        return new CommandResult(false, reply);
    }
}
