package blitz.logger;

/** The server store does not answer, so no session can start. */
public class StoreUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message) {
        super(message);
    }
}
