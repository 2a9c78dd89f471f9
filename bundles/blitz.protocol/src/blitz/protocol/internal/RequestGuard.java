// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.LongSupplier;

import blitz.protocol.RequestCounts;
import blitz.protocol.RequestHandler;
import blitz.protocol.internal.RefusalLog.Kind;
import blitz.protocol.wire.Command;
import blitz.protocol.wire.ErrorCode;

/**
 * What stands between a raw request and the {@link LoggerProtocol}: the per-host lockout, the length and
 * printable-ASCII checks, and the token. A refused request is counted, logged without its content
 * (rate-limited) and answered with an {@code ERROR}; it never reaches the state machine.
 */
final class RequestGuard implements RequestHandler {
    private final LoggerProtocol protocol;
    private final byte[] tokenHash;
    private final int maxRequestLength;
    private final AuthLockout lockout;
    private final RefusalLog refusals;
    private final LongSupplier clock;
    private long requests;
    private long tooLong;
    private long notAscii;
    private long missingToken;
    private long wrongToken;
    private long lockedOut;

    /** @param token the shared secret, empty for none */
    RequestGuard(LoggerProtocol protocol, String token, int maxRequestLength, AuthLockout lockout, RefusalLog refusals,
            LongSupplier clock) {
        this.protocol = protocol;
        this.tokenHash = token.isEmpty() ? null : sha256(token);
        this.maxRequestLength = maxRequestLength;
        this.lockout = lockout;
        this.refusals = refusals;
        this.clock = clock;
    }

    boolean requiresToken() {
        return tokenHash != null;
    }

    /** In-process requests: one conversation per host. */
    @Override
    public String reply(byte[] raw, String host) {
        return reply(raw, host, host);
    }

    /** Ends the downloads that waited too long for their ACK. */
    synchronized void expire() {
        protocol.expire(clock.getAsLong());
    }

    /**
     * @param clientId the client's identity, its conversation with the protocol
     * @return the one reply to the request
     */
    synchronized String reply(byte[] raw, String host, String clientId) {
        requests++;
        long remainingMs = lockout.remainingMs(host, clock.getAsLong());
        if (remainingMs > 0) {
            lockedOut++;
            refusals.refused(Kind.LOCKED_OUT, host, "");
            return lockedOutReply(host, remainingMs);
        }
        if (raw.length > maxRequestLength) {
            tooLong++;
            refusals.refused(Kind.TOO_LONG, host, " (" + raw.length + "+ bytes)");
            return ErrorCode.BAD_REQUEST.reply("request longer than " + maxRequestLength + " bytes");
        }
        for (byte b : raw) {
            if ((b < 0x20 || b > 0x7E) && b != '\t' && b != '\r' && b != '\n') {
                notAscii++;
                refusals.refused(Kind.NOT_ASCII, host, " (" + raw.length + " bytes)");
                return ErrorCode.BAD_REQUEST.reply("request is not printable ASCII");
            }
        }
        String request = new String(raw, StandardCharsets.US_ASCII).strip();
        String auth = Command.AUTH.name();
        boolean hasAuth = request.startsWith(auth + " ") || request.equals(auth);
        if (hasAuth) {
            String[] parts = request.split("\\s+", 3);
            String given = parts.length > 1 ? parts[1] : "";
            request = parts.length > 2 ? parts[2] : auth;
            if (tokenHash != null && !MessageDigest.isEqual(tokenHash, sha256(given))) {
                wrongToken++;
                if (lockout.wrongToken(host, clock.getAsLong())) {
                    refusals.refused(Kind.LOCKOUT_STARTED, host, "");
                    return lockedOutReply(host, lockout.remainingMs(host, clock.getAsLong()));
                }
                refusals.refused(Kind.WRONG_TOKEN, host, "");
                return ErrorCode.AUTHENTICATION.reply("authentication failed: wrong token"); // "AUTH" in it: clients look for it
            }
        } else if (tokenHash != null) {
            missingToken++;
            refusals.refused(Kind.MISSING_TOKEN, host, "");
            return ErrorCode.AUTHENTICATION.reply("authentication required: send AUTH <token> <command>");
        }
        return protocol.handle(clientId, request, clock.getAsLong());
    }

    private static String lockedOutReply(String host, long remainingMs) {
        return ErrorCode.LOCKED_OUT.reply("locked out: too many wrong tokens from " + host + "; retry in "
                + (remainingMs + 999) / 1000 + " s");
    }

    @Override
    public synchronized RequestCounts counts() {
        return new RequestCounts(requests, tooLong, notAscii, missingToken, wrongToken, lockedOut);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
