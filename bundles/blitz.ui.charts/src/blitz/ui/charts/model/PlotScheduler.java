// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the plot model runs its store reads and hands their answers back: off the UI thread and back
 * onto it, while the view lives. The view runs them as Eclipse jobs on its display; tests run them when
 * they choose, without a display.
 */
public interface PlotScheduler {
    /**
     * Computes {@code work} off the UI thread and hands its value to {@code then} on the UI thread; a
     * failure is handed to {@code failed} there instead.
     */
    <T> void load(String name, Supplier<T> work, Consumer<T> then, Consumer<RuntimeException> failed);

    /**
     * Runs a bucket query off the UI thread after {@code delayMs}, one query at a time, cancelling the
     * one before; {@code work} gets whether it was cancelled meanwhile.
     */
    void query(String name, long delayMs, Consumer<BooleanSupplier> work);

    /** Cancels the query under way, if any. */
    void cancelQuery();

    /** Runs {@code task} on the UI thread after {@code delayMs} (0: as soon as it is free). */
    void onUi(long delayMs, Runnable task);
}
