// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import java.util.Collection;

import blitz.model.Session;
import blitz.ui.internal.Names;

/**
 * What the Sessions view's End column says. A session without an end runs only if the runtime logs
 * and it is the newest one (a runtime runs one session at a time, always its newest); any other
 * session without an end was cut short when its runtime died, and is "interrupted" (its gap ledger
 * holds the RUNTIME_STOPPED entry, and the runtime's restart notification says so), never "running"
 * for ever.
 */
final class SessionEnd {
    static final String RUNNING = "running";
    static final String INTERRUPTED = "interrupted";

    private SessionEnd() {
    }

    static String describe(Session session, boolean runtimeLogs, Collection<Session> listed) {
        if (session.timeStopped() != null) {
            return Names.time(session.timeStopped());
        }
        long newest = listed.stream().mapToLong(Session::refId).max().orElse(session.refId());
        return runtimeLogs && session.refId() == newest ? RUNNING : INTERRUPTED;
    }
}
