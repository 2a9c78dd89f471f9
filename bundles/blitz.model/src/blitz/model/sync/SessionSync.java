// SPDX-License-Identifier: EPL-2.0
package blitz.model.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import blitz.model.Session;

/**
 * Keeps the workbench's store in step with the connected runtime.
 *
 * <p>Guarantees:
 * <ul>
 * <li>{@link #refreshSessionList()} never loses downloaded data (the original's defect).</li>
 * <li>{@link #download} is resumable: it continues from the last committed chunk, never stores a
 * message twice, and marks the session available only when every message is stored and, where the
 * runtime offers it, its count and SHA-256 digest match ("verified").</li>
 * <li>Raw messages are kept beside the decoded readings, so {@link #redecode} works offline with the
 * current decoders and calibration.</li>
 * <li>Bad lines and unknown boards are counted and reported, never fatal.</li>
 * <li>Every method blocks its caller (run it in a job); none throws for a lost connection: the report or
 * the returned value says what happened, and a notification is logged in the client store.</li>
 * </ul>
 */
@org.osgi.annotation.versioning.ProviderType
public interface SessionSync {

    /** Fetches the runtime's session list and mirrors it into the client store. @return the stored list */
    List<Session> refreshSessionList();

    /** Downloads (or resumes) a session into the client store. */
    DownloadReport download(long sessionId, Progress progress);

    /** Decodes a downloaded session's stored raw messages again, replacing its readings. */
    DownloadReport redecode(long sessionId, Progress progress);

    /**
     * Deletes a session on the runtime and then in the client store (the order the original's note asks
     * for: deleted only locally, it would come back with the next list).
     *
     * @return whether the runtime confirmed the deletion (the local copy is kept otherwise)
     */
    boolean deleteSession(long sessionId);

    /**
     * Writes a session's readings as CSV in the original's layout
     * ({@code Time Logged,Elapsed Seconds,Variable Name,Value}), downloading it first when needed.
     *
     * @return the number of rows written
     */
    long exportCsv(long sessionId, Path file, Progress progress) throws IOException;
}
