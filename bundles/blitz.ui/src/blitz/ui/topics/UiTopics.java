// SPDX-License-Identifier: EPL-2.0
package blitz.ui.topics;

/**
 * The names the workbench's parts share: event broker topics its handlers post to tell the views that
 * something changed, and keys of values in the workbench context. Views contributed by other bundles
 * (the Plot) subscribe to the same names through this class, never through string literals.
 */
public final class UiTopics {
    /** The mirrored session list in the client store changed. */
    public static final String SESSIONS = "blitz/ui/sessions";
    /** The runtime's board list was fetched; the data is the {@code List<Integer>} of board ids. */
    public static final String BOARDS = "blitz/ui/boards";

    /**
     * Key of the workbench context's value holding the boards the connected runtime reported
     * ({@code List<Integer>}, empty while not connected), kept by the workbench's logger add-on; board
     * commands inject it to decide whether they apply.
     */
    public static final String KNOWN_BOARDS = "blitz.ui.knownBoards";

    private UiTopics() {
    }
}
