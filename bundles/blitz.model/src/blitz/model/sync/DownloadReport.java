// SPDX-License-Identifier: EPL-2.0
package blitz.model.sync;

import java.util.Objects;

/**
 * The outcome of a download or re-decode of one session.
 *
 * @param sessionId     the runtime's session id
 * @param messages      raw messages now stored for the session
 * @param readings      readings decoded in this run
 * @param badLines      lines that were not board messages (counted, skipped)
 * @param unknownBoards messages from boards no decoder knows (counted, skipped)
 * @param rejected      messages a decoder refused (counted, skipped)
 * @param state         how it ended
 * @param detail        what a user should know (the mismatch, the error, "cancelled")
 */
public record DownloadReport(long sessionId, long messages, long readings, long badLines, long unknownBoards,
        long rejected, State state, String detail) {

    public enum State {
        /** Every message is stored and the runtime's count and digest match: the session is available. */
        VERIFIED,
        /**
         * Every message is stored and as many as the runtime's session list counts: the original logger
         * offers no digest, so the count is all that can be compared. The session is available.
         */
        VERIFIED_BY_COUNT,
        /** Every message is stored, but the runtime offers neither a digest nor a count: it was not verified. */
        COMPLETE_UNVERIFIED,
        /** Stopped by the user; what was stored stays, and the next download resumes from there. */
        CANCELLED,
        /** Failed (connection lost, store error, digest mismatch); what was committed stays. */
        FAILED
    }

    public DownloadReport {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }
}
