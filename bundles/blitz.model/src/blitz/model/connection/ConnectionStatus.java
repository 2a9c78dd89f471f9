// SPDX-License-Identifier: EPL-2.0
package blitz.model.connection;

/** What a {@link LoggerConnection} can tell about its link to a runtime. */
public enum ConnectionStatus {
    /** Not connected, by choice. */
    DISCONNECTED,
    /** Opening the connection and probing the runtime. */
    CONNECTING,
    /** The runtime answers. */
    CONNECTED,
    /** The runtime stopped answering; the connection is retrying by itself. */
    RECONNECTING,
    /** The runtime's address could not be used (bad host, nothing listening, bind refused). */
    REFUSED,
    /** The runtime refused our token. */
    AUTHENTICATION_FAILED,
    /** The runtime did not answer within the timeout after every retry; retrying continues in the background. */
    TIMED_OUT
}
