// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.List;

import blitz.model.sync.LiveSource;
import blitz.model.sync.LiveVariable;

/**
 * The way into the live values for a replay, inside this bundle only (the live values service
 * registers it beside {@code LiveValues}). While the source is a replay, lines from the runtime are
 * not shown: the replay gives way to a logging runtime by switching back first.
 */
public interface ReplayFeed {

    /** Live values now come from {@code source}: the values shown so far are forgotten, subscribers told. */
    void switchTo(LiveSource source);

    /** The same source, described anew (a new speed, finished): values kept, subscribers told. */
    void relabel(LiveSource source);

    /**
     * Shows replayed values (calibrated, as stored) as if they had just arrived: through each
     * variable's transforms into its history, then to the subscribers. Not written to the cache.
     */
    void replayed(List<LiveVariable> values);
}
