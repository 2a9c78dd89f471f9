// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import blitz.model.connection.SessionDigest;

/**
 * The session receipt both sides compute and compare: the count of a session's messages and the
 * lowercase hex SHA-256 over them in order, each followed by {@code '\n'}. The {@link Command#DIGEST}
 * reply carries it as {@code DIGEST <session> <count> <sha256>}.
 */
public final class SessionDigests {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private SessionDigests() {
    }

    /** @return the receipt of messages given all at once */
    public static SessionDigest of(long sessionId, List<String> messages) {
        Digester digester = new Digester();
        digester.add(messages);
        return digester.receipt(sessionId);
    }

    /** @return the {@code DIGEST} reply carrying a receipt */
    public static String reply(SessionDigest digest) {
        return Command.DIGEST.with(digest.sessionId(), digest.count(), digest.sha256());
    }

    /** @return a digester to feed a session's messages page by page, in order */
    public static Digester digester() {
        return new Digester();
    }

    /**
     * Reads a {@code DIGEST} reply: the count is the token before the first 64-hex-digit token.
     *
     * @return the receipt, empty when the reply holds none
     */
    public static Optional<SessionDigest> parse(long sessionId, String reply) {
        String[] tokens = reply.trim().split("\\s+");
        for (int i = 1; i < tokens.length; i++) {
            if (SHA256.matcher(tokens[i]).matches()) {
                return tokens[i - 1].matches("\\d{1,18}")
                        ? Optional.of(new SessionDigest(sessionId, Long.parseLong(tokens[i - 1]), tokens[i]))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Computes a receipt from messages fed in order. Not thread-safe; one receipt per digester. */
    public static final class Digester {
        private final MessageDigest sha256;
        private long count;

        private Digester() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        /** Adds the next messages of the session. */
        public void add(List<String> messages) {
            for (String message : messages) {
                sha256.update(message.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) '\n');
            }
            count += messages.size();
        }

        /** @return the receipt of everything added; ends this digester */
        public SessionDigest receipt(long sessionId) {
            return new SessionDigest(sessionId, count, HexFormat.of().formatHex(sha256.digest()));
        }
    }
}
