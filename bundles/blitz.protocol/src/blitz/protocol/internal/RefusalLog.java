// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused requests without their content (a request may carry a token), rate-limited per kind: the
 * first refusal of a kind is logged at once, later ones at most once per interval with the number that
 * were not logged, so a flood of bad requests cannot flood the log.
 */
final class RefusalLog {
    enum Kind {
        TOO_LONG("longer than the limit"),
        NOT_ASCII("not printable ASCII"),
        MISSING_TOKEN("no token"),
        WRONG_TOKEN("wrong token"),
        LOCKED_OUT("host locked out after too many wrong tokens"),
        LOCKOUT_STARTED("too many wrong tokens: host locked out");

        final String reason;

        Kind(String reason) {
            this.reason = reason;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

    private final long intervalMs;
    private final LongSupplier clock;
    private final Map<Kind, long[]> lastLoggedAndSuppressed = new EnumMap<>(Kind.class);

    RefusalLog(long intervalMs, LongSupplier clock) {
        this.intervalMs = intervalMs;
        this.clock = clock;
    }

    /** Logs (or counts for the next report) one refusal; {@code detail} must not contain request content. */
    void refused(Kind kind, String host, String detail) {
        long now = clock.getAsLong();
        long[] state = lastLoggedAndSuppressed.computeIfAbsent(kind, k -> new long[] { Long.MIN_VALUE, 0 });
        if (state[0] != Long.MIN_VALUE && now - state[0] < intervalMs) {
            state[1]++;
            return;
        }
        String suppressed = state[1] == 0 ? ""
                : " (" + state[1] + " more refused for this reason since the last report, not logged one by one)";
        LOG.warn("Logger protocol refused a request from {}: {}{}{}", host, kind.reason, detail,
                suppressed);
        state[0] = now;
        state[1] = 0;
    }
}
