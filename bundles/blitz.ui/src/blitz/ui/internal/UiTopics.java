package blitz.ui.internal;

/** Event broker topics the workbench's handlers use to tell its views that something changed. */
public final class UiTopics {
    /** The mirrored session list in the client store changed. */
    public static final String SESSIONS = "blitz/ui/sessions";
    /** The runtime's board list was fetched; the data is the {@code List<Integer>} of board ids. */
    public static final String BOARDS = "blitz/ui/boards";
    /** A notification was logged. */
    public static final String NOTIFICATIONS = "blitz/ui/notifications";

    private UiTopics() {
    }
}
