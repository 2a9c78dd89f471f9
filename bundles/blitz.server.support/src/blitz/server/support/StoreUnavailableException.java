package blitz.server.support;

import java.io.IOException;

/** The backing server (or disk) cannot take writes now; the writer buffers and retries. */
public class StoreUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
