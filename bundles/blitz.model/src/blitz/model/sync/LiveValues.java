// SPDX-License-Identifier: EPL-2.0
package blitz.model.sync;

import java.util.List;
import java.util.function.Consumer;

/**
 * Live values of the connected runtime, decoded from the lines its UPDATE polling delivers and written
 * to the client store's cache. Zero values are kept (the original dropped them). Memory is bounded: at
 * most {@link #HISTORY} points per variable are held.
 */
@org.osgi.annotation.versioning.ProviderType
public interface LiveValues {

    /** Points of history kept per variable (the original kept 50; plots want more). */
    int HISTORY = 2000;

    /** @return the latest value of every variable seen, by name */
    List<LiveVariable> latest();

    /**
     * @return the variable's recent history, oldest first, as pairs {@code [timeMillis, value]}
     *         flattened: {@code t0, v0, t1, v1, ...}
     */
    double[] history(String variableName);

    /**
     * Sets the transforms of a variable, applied in order to every new value: {@code multiply:k},
     * {@code translate:k} (adds k), {@code average:n} (moving average of the last n values) — the
     * original's three transforms.
     *
     * @throws IllegalArgumentException for a transform this service does not know
     */
    void setTransforms(String variableName, List<String> transforms);

    /** @return the transforms of a variable, as set */
    List<String> transforms(String variableName);

    /** Forgets every value (e.g. when a new session starts). */
    void clear();

    /**
     * Called with each batch of new values, on the poller's (or the replay's) thread. When the
     * {@link #source()} changes the listener is called with an empty batch, so a view can show the new
     * source at once. @return a handle that removes it
     */
    AutoCloseable subscribe(Consumer<List<LiveVariable>> listener);

    /**
     * @return where the values come from now: the runtime, or a replay of a downloaded session (see
     *         {@code blitz.client.replay.SessionReplay}); a view showing live values shows its
     *         {@link LiveSource#label()}
     */
    default LiveSource source() {
        return LiveSource.RUNTIME;
    }
}
