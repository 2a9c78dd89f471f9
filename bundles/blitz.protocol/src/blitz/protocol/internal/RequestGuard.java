// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

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

    /** What the guard made of a raw request: the request to answer, or the reply refusing it. */
    record Admission(String request, String refusal) {
        static Admission refused(String reply) {
            return new Admission(null, reply);
        }

        boolean admitted() {
            return refusal == null;
        }
    }

    /** In-process requests: one conversation per host. */
    @Override
    public String reply(byte[] raw, String host) {
        Admission admission = admit(raw, host);
        return admission.admitted() ? handle(host, admission.request()) : admission.refusal();
    }

    /**
     * Ends the downloads that waited too long for their ACK.
     *
     * @param inWork whether a client has a request being answered now: its download is not abandoned
     */
    void expire(Predicate<String> inWork) {
        protocol.expire(clock.getAsLong(), inWork);
    }

    /**
     * Answers an admitted request; several clients' requests may be answered at once, one client's one
     * at a time.
     *
     * @param clientId the client's identity, its conversation with the protocol
     */
    String handle(String clientId, String request) {
        return protocol.handle(clientId, request, clock.getAsLong());
    }

    /** @return the request without its {@code AUTH} prefix when it passes the checks, else the refusal */
    synchronized Admission admit(byte[] raw, String host) {
        requests++;
        long remainingMs = lockout.remainingMs(host, clock.getAsLong());
        if (remainingMs > 0) {
            lockedOut++;
            refusals.refused(Kind.LOCKED_OUT, host, "");
            return Admission.refused(lockedOutReply(host, remainingMs));
        }
        if (raw.length > maxRequestLength) {
            tooLong++;
            refusals.refused(Kind.TOO_LONG, host, " (" + raw.length + "+ bytes)");
            return Admission.refused(ErrorCode.BAD_REQUEST.reply("request longer than " + maxRequestLength + " bytes"));
        }
        for (byte b : raw) {
            if ((b < 0x20 || b > 0x7E) && b != '\t' && b != '\r' && b != '\n') {
                notAscii++;
                refusals.refused(Kind.NOT_ASCII, host, " (" + raw.length + " bytes)");
                return Admission.refused(ErrorCode.BAD_REQUEST.reply("request is not printable ASCII"));
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
                    return Admission.refused(lockedOutReply(host, lockout.remainingMs(host, clock.getAsLong())));
                }
                refusals.refused(Kind.WRONG_TOKEN, host, "");
                // "AUTH" in it: clients look for it
                return Admission.refused(ErrorCode.AUTHENTICATION.reply("authentication failed: wrong token"));
            }
        } else if (tokenHash != null) {
            missingToken++;
            refusals.refused(Kind.MISSING_TOKEN, host, "");
            return Admission.refused(ErrorCode.AUTHENTICATION.reply("authentication required: send AUTH <token> <command>"));
        }
        return new Admission(request, null);
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
