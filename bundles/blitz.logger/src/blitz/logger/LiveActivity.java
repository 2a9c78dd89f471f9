// SPDX-License-Identifier: EPL-2.0
package blitz.logger;

/**
 * What the runtime hears right now, beside the {@link LoggingRuntime}: this run's id, every line it
 * received (numbered, kept in a bounded ring, so a client can fetch all of them since the last one it
 * saw) and the boards and session that have gone silent. Registered as an OSGi service by
 * {@code blitz.logger}.
 *
 * <p>Guarantees:
 * <ul>
 * <li><b>Epoch.</b> {@link #epoch()} differs from one run of the runtime to the next (it is the
 * epoch milliseconds of the run's start), so a client can tell a restarted runtime, whose line and
 * notification numbers start again from 1.</li>
 * <li><b>Lines.</b> Every line any source delivers gets the next sequence number (the first is 1),
 * session or not, decodable or not. The newest {@code liveLines} (configuration) are kept.</li>
 * <li><b>Silence.</b> While a session runs, a board known to the runtime that sent nothing for longer
 * than {@code silenceLimitSeconds}, and a session that stored nothing for that long, are reported
 * here and in a notification; a second notification says when data flows again.</li>
 * <li>All methods are thread-safe and answer at once.</li>
 * </ul>
 */
@org.osgi.annotation.versioning.ProviderType
public interface LiveActivity {

    /** @return this run's id: epoch milliseconds when the runtime started */
    long epoch();

    /**
     * @param sequence the number of the last line the caller saw; a number beyond the newest line (as
     *                 {@link Long#MAX_VALUE}) asks for no line, only the newest number
     * @param max      most lines returned; the rest are counted in {@link LineBatch#pending()}
     * @return the kept lines numbered after {@code sequence}, oldest first
     */
    LineBatch linesAfter(long sequence, int max);

    /** @return the boards and the session silent for longer than the limit now */
    Silence silence();

    /**
     * Lines the runtime received, in order.
     *
     * @param lastSequence the number of the last line in {@code lines}; with no line, the newest number
     *                     the runtime has given (0 before the first line)
     * @param missed       lines after the caller's number that the ring no longer holds
     * @param pending      lines after {@code lastSequence} not returned because of {@code max}
     * @param lines        the lines, oldest first
     */
    record LineBatch(long lastSequence, long missed, long pending, java.util.List<Received> lines) {
        public LineBatch {
            lines = java.util.List.copyOf(lines);
        }
    }

    /**
     * @param receivedMs epoch milliseconds when the runtime received the line
     * @param line       the line as the source delivered it
     */
    record Received(long receivedMs, String line) {
    }

    /**
     * @param boards    ids of the boards silent for longer than the limit, ordered
     * @param sessionId the running session if it stored nothing for longer than the limit, else 0
     * @param limitMs   the silence limit in milliseconds
     */
    record Silence(java.util.SortedSet<Integer> boards, long sessionId, long limitMs) {
        public Silence {
            boards = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(boards));
        }

        /** @return whether nothing is silent */
        public boolean isQuiet() {
            return boards.isEmpty() && sessionId == 0;
        }
    }
}
