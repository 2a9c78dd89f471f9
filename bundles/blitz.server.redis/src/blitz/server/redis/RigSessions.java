// SPDX-License-Identifier: EPL-2.0
package blitz.server.redis;

import java.util.List;
import java.util.Map;

/**
 * What a Redis store adds to {@link blitz.model.server.ServerStore} when several runtimes share one
 * Redis: whose sessions these are and what failovers lost. The Redis store registers it beside its
 * {@code ServerStore} service (one object, one registration).
 */
@org.osgi.annotation.versioning.ProviderType
public interface RigSessions {

    /** @return this runtime's rig name, written beside each session it starts */
    String rigName();

    /** @return the prefix of this runtime's keys, empty for the original layout */
    String keyPrefix();

    /** @return this runtime's sessions (those under its prefix), newest first, each with its rig */
    List<RigSession> sessions();

    /**
     * @return confirmed messages that failovers lost since the store started, by session id: the
     *         store's loss report (also logged, and written to {@code session_N_lost})
     */
    Map<Long, Long> lostSinceStart();
}
