// SPDX-License-Identifier: EPL-2.0
package blitz.model.source;

import java.util.Set;

/**
 * A producer of raw board lines: a serial port, a NetScanner on Ethernet, the simulator, a replay.
 * Registered as an OSGi service (one per configured port or device).
 *
 * <p>Guarantees:
 * <ul>
 * <li>{@link #start(MessageSink)} returns at once; connecting, handshakes and reconnects happen on
 * the source's own threads. A dead port never throws out of the source: it shows as
 * {@link SourceState#RECONNECTING} or {@link SourceState#FAILED} and as {@link LossEvent}s.</li>
 * <li>Lines reach the sink in the order the boards sent them. Bad lines are counted, reported as
 * {@link LossEvent.Kind#BAD_LINE} and never delivered as messages.</li>
 * <li>{@link #stop()} drains what the boards still buffer (the original's drain before STOP), tells
 * the boards to stop, and returns when no further line will be delivered. It returns within a bound
 * the implementation documents (seconds, not the sum of every reply timeout): a board that does not
 * answer cuts the drain short, which the source reports as its last error. A {@link #start(MessageSink)}
 * right after a stop never has two readers on one device.</li>
 * <li>All methods are thread-safe.</li>
 * </ul>
 */
@org.osgi.annotation.versioning.ConsumerType
public interface MessageSource {

    /** @return a stable id, unique in the runtime (e.g. the configured port name) */
    String id();

    /** @return a human-readable description (port path, device address) */
    String description();

    /** Begins delivering lines to {@code sink}. Calling it while started replaces nothing and returns. */
    void start(MessageSink sink);

    /** Drains the boards, stops them and stops delivering. Does nothing when stopped. */
    void stop();

    SourceState state();

    /** @return ids of the boards that answered on this source */
    Set<Integer> boardIds();

    /**
     * Sends a command to one board and waits for its ACK.
     *
     * @param boardId    the board
     * @param hexCommand the instruction and its arguments in hex, e.g. {@code "850000000000 1a"} without
     *                   spaces; padded as the original did
     * @return whether the board acknowledged; never throws for an unknown board or a dead port
     */
    CommandResult sendCommand(int boardId, String hexCommand);

    SourceStatistics statistics();
}
