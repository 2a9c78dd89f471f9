// SPDX-License-Identifier: EPL-2.0
package blitz.model.source;

/**
 * Receives what a {@link MessageSource} reads. Implemented by the logging runtime. Calls may come
 * from the source's own threads; implementations must be thread-safe and must not block for long.
 */
@org.osgi.annotation.versioning.ProviderType
public interface MessageSink {

    /**
     * A raw board line (without its terminator), in the order the board sent it.
     *
     * @param sourceId the {@link MessageSource#id()} that read it
     * @param line     the raw line
     */
    void onMessage(String sourceId, String line);

    /** A loss or fault the source observed; recorded in the runtime's gap ledger. */
    void onLoss(String sourceId, LossEvent event);
}
