package blitz.client.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The session receipt both sides compute: SHA-256 over the messages in order, each followed by
 * {@code '\n'}, and their count.
 */
final class SessionDigester {
    private final MessageDigest sha256;
    private long count;

    SessionDigester() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    void add(List<String> messages) {
        for (String message : messages) {
            sha256.update(message.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
        }
        count += messages.size();
    }

    long count() {
        return count;
    }

    String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
