package blitz.client.internal;

/** The logger protocol's words, as the original logger sends and expects them. */
final class ProtocolWords {
    static final String ACK = "ACK";
    static final String NACK = "NACK";
    static final String ERROR = "ERROR";
    static final String START = "START";
    static final String STOP = "STOP";
    static final String UPDATE = "UPDATE";
    static final String LOGGING = "LOGGING";
    static final String SESSIONS = "SESSIONS";
    static final String DOWNLOAD = "DOWNLOAD";
    static final String BOARDS = "BOARDS";
    static final String BOARD = "BOARD";
    static final String RESET = "RESET";
    static final String DELETE = "DELETE";
    static final String INSESSION = "INSESSION";
    static final String NOSESSION = "NOSESSION";
    static final String VERSION = "VERSION";
    static final String DIGEST = "DIGEST";
    static final String AUTH = "AUTH";

    private ProtocolWords() {
    }
}
