// SPDX-License-Identifier: EPL-2.0
package blitz.source.conformance;

import blitz.model.source.MessageSource;

/**
 * One device and the source under test configured for it, made by a {@link MessageSourceConformance}
 * for one {@link SourceCheck}. A fresh device answers and sends data messages regularly; the source
 * is stopped. Closing stops the source and removes both.
 */
public interface SourceDevice extends AutoCloseable {

    /** @return the source under test, reading this device */
    MessageSource source();

    /** @return how long stop() may take at most, as the source documents it (e.g. stopTimeoutMs + 500) */
    long stopBoundMs();

    /** Stops answering while staying connected (a board that hangs), or answers again. */
    void answering(boolean on) throws Exception;

    /** The device goes away (a pulled cable, a device switched off). */
    void unplug() throws Exception;

    /** The device comes back under the same address. */
    void replug() throws Exception;

    /** @return the connections or open handles the host holds on the device now */
    int readers() throws Exception;

    /** @return data messages the device has sent so far */
    long sent();

    /**
     * Waits until the device is answering a request, so that a stop has something in flight to drain.
     * Does nothing by default (a device that buffers messages always has something to drain).
     */
    default void awaitRequestInFlight() throws Exception {
        // the device's buffer is the drain
    }

    /**
     * Sends one line that is not a message, if the device can.
     *
     * @return whether it did; the bad-line part of {@link SourceCheck#LOSSES_REPORTED} is skipped when not
     */
    default boolean sendGarbage() throws Exception {
        return false;
    }

    @Override
    void close() throws Exception;
}
