package blitz.ui.internal;

/** Event broker topics the workbench's handlers use to tell its views that something changed. */
public final class UiTopics {
    /** The mirrored session list in the client store changed. */
    public static final String SESSIONS = "blitz/ui/sessions";
    /** The runtime's board list was fetched; the data is the {@code List<Integer>} of board ids. */
    public static final String BOARDS = "blitz/ui/boards";
    /** A notification was logged. */
    public static final String NOTIFICATIONS = "blitz/ui/notifications";

    /**
     * Key of the workbench context's value holding the boards the connected runtime reported
     * ({@code List<Integer>}, empty while not connected), kept by {@link LoggerAddon}; board commands
     * inject it to decide whether they apply.
     */
    public static final String KNOWN_BOARDS = "blitz.ui.knownBoards";

    private UiTopics() {
    }
}
