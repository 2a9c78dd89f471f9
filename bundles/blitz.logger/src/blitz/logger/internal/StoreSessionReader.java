// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import blitz.logger.SessionReader;
import blitz.model.SessionSummary;
import blitz.model.server.ServerStore;
import blitz.model.server.StoreHealth;

/**
 * The {@link SessionReader} over the highest-ranked {@link ServerStore}, the same one the runtime
 * writes sessions to (both take it greedily).
 */
@Component(service = SessionReader.class)
public class StoreSessionReader implements SessionReader {
    private final ServerStore store;

    @Activate
    public StoreSessionReader(@Reference(policyOption = ReferencePolicyOption.GREEDY) ServerStore store) {
        this.store = store;
    }

    @Override
    public List<SessionSummary> sessions() {
        return store.clientSessionList();
    }

    @Override
    public Optional<SessionSummary> session(long sessionId) {
        return store.session(sessionId);
    }

    @Override
    public long messageCount(long sessionId) {
        return store.messageCount(sessionId);
    }

    @Override
    public List<String> readPage(long sessionId, long fromIndex, int max) {
        return store.readPage(sessionId, fromIndex, max);
    }

    @Override
    public Optional<String> latest(long sessionId) {
        return store.latestFromSession(sessionId);
    }

    @Override
    public StoreHealth health() {
        return healthOf(store);
    }

    /** @return the store's health; a failing check reads as not connected */
    static StoreHealth healthOf(ServerStore store) {
        try {
            return store.health();
        } catch (RuntimeException e) {
            return new StoreHealth(false, 0, 0, "health check failed: " + e);
        }
    }
}
