// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.wire;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The requests of the logger protocol; each constant's name is its word on the wire. The original's
 * own commands ({@link #isOriginal()}) decide between {@link ErrorCode#NOT_ALLOWED} and
 * {@link ErrorCode#UNKNOWN} when a request is refused in a state.
 */
public enum Command {
    START(true), STOP(true), UPDATE(true), DOWNLOAD(true), BOARD(true), LOGGING(true), SESSIONS(true), RESET(true),
    DELETE(true),
    /** Lists the boards; the original defined it outside its VALID_SERVER_COMMANDS. */
    BOARDS(false),
    /** Asks for the next chunk of a download. */
    ACK(false),
    VERSION(false), STATS(false), GAPS(false), DIGEST(false), NOTIFICATIONS(false),
    /** Every line received since a sequence number: {@code LIVE [<after>]} (see {@link LiveLines}). */
    LIVE(false),
    /** Prefix carrying the token: {@code AUTH <token> <request>}. */
    AUTH(false);

    /** The keyword of a resumed download: {@code DOWNLOAD <session> FROM <index>}. */
    public static final String FROM = "FROM";
    /** The word before this runtime run's id in the {@code VERSION} and {@code NOTIFICATIONS} replies. */
    public static final String EPOCH = "EPOCH";

    private final boolean original;

    Command(boolean original) {
        this.original = original;
    }

    /** @return whether the original logger knew this command (its VALID_SERVER_COMMANDS) */
    public boolean isOriginal() {
        return original;
    }

    /** @return this command followed by its arguments, separated by single spaces */
    public String with(Object... arguments) {
        return Stream.concat(Stream.of(name()), Arrays.stream(arguments).map(String::valueOf))
                .collect(Collectors.joining(" "));
    }

    /** @return the command a request word names, empty for an unknown word (case matters, as in the original) */
    public static Optional<Command> of(String word) {
        for (Command command : values()) {
            if (command.name().equals(word)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
