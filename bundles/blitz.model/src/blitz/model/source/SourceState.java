// SPDX-License-Identifier: EPL-2.0
package blitz.model.source;

/** Life cycle of a {@link MessageSource}. */
public enum SourceState {
    /** Not started. */
    STOPPED,
    /** Opening the port or connection, or repeating the handshake. */
    CONNECTING,
    /** Boards answered; messages flow. */
    RUNNING,
    /** The port or connection was lost; the source is looking for it again. */
    RECONNECTING,
    /** Gave up or misconfigured; see {@link SourceStatistics#lastError()}. */
    FAILED
}
