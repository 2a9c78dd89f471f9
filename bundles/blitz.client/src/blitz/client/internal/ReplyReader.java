// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import static blitz.model.connection.LoggerConnection.DIGEST;
import static blitz.model.connection.LoggerConnection.GAPS;
import static blitz.model.connection.LoggerConnection.NOTIFICATIONS;
import static blitz.model.connection.LoggerConnection.RESUME;
import static blitz.model.connection.LoggerConnection.STATS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.SessionSummary;
import blitz.protocol.wire.Command;
import blitz.protocol.wire.DownloadFrames;
import blitz.protocol.wire.Replies;

/** Reads the runtime's structured replies on the client side; what it cannot read it logs and skips. */
final class ReplyReader {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyReader.class);
    /** The capability of large download frames ({@code DOWNLOAD-FRAMES}), as {@link #capabilities} names it. */
    static final String FRAMES = DownloadFrames.CAPABILITY.toLowerCase(Locale.ROOT);
    /** Capability of a runtime that hands out every line since a number ({@code LIVE}). */
    static final String LIVE = "live";
    private static final Set<String> KNOWN_CAPABILITIES = Set.of(RESUME, DIGEST, STATS, GAPS, NOTIFICATIONS, FRAMES, LIVE);

    private ReplyReader() {
    }

    /** @return the capabilities this client knows in a {@code VERSION} reply; none from the original logger */
    static Set<String> capabilities(String versionReply) {
        if (Replies.isError(versionReply)) {
            return Set.of(); // the original logger: no extensions
        }
        Set<String> found = new HashSet<>();
        for (String token : versionReply.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
            // Blitz runtimes name the resumable download after its command, DOWNLOAD-FROM.
            String capability = token.equals("download-from") ? RESUME : token;
            if (KNOWN_CAPABILITIES.contains(capability)) {
                found.add(capability);
            }
        }
        return Set.copyOf(found);
    }

    /** @return every line of a session list with exactly four tokens that reads as a session, in order */
    static List<SessionSummary> sessions(String reply) {
        List<SessionSummary> sessions = new ArrayList<>();
        for (String line : reply.split("\n")) {
            if (line.trim().split("\\s+").length != 4) {
                continue;
            }
            try {
                sessions.add(SessionSummary.parse(line));
            } catch (IllegalArgumentException e) {
                LOG.warn("ignoring a session line the runtime sent: {}", line);
            }
        }
        return List.copyOf(sessions);
    }

    /** @return the board ids of a {@code BOARDS} reply */
    static List<Integer> boards(String reply) {
        List<Integer> ids = new ArrayList<>();
        for (String token : reply.substring(Command.BOARDS.name().length()).trim().split("\\s+")) {
            if (token.matches("[0-9A-Fa-f]{1,7}")) {
                ids.add(Integer.parseInt(token, 16));
            } else if (!token.isEmpty()) {
                LOG.warn("ignoring a board id the runtime sent: {}", token);
            }
        }
        return List.copyOf(ids);
    }
}
