// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A scheduler the test steps by hand, on its own thread and without a display: background work waits
 * until {@link #runBackground}, UI tasks until {@link #runUi} (their delays are not waited for).
 */
final class ManualScheduler implements PlotScheduler {
    private final Deque<Runnable> background = new ArrayDeque<>();
    private final Deque<Runnable> ui = new ArrayDeque<>();
    private AtomicBoolean queryCancelled = new AtomicBoolean();

    @Override
    public <T> void load(String name, Supplier<T> work, Consumer<T> then, Consumer<RuntimeException> failed) {
        background.add(() -> {
            try {
                T value = work.get();
                ui.add(() -> then.accept(value));
            } catch (RuntimeException e) {
                ui.add(() -> failed.accept(e));
            }
        });
    }

    @Override
    public void query(String name, long delayMs, Consumer<BooleanSupplier> work) {
        AtomicBoolean cancelled = new AtomicBoolean();
        queryCancelled = cancelled;
        background.add(() -> work.accept(cancelled::get));
    }

    @Override
    public void cancelQuery() {
        queryCancelled.set(true);
    }

    @Override
    public void onUi(long delayMs, Runnable task) {
        ui.add(task);
    }

    /** Runs the background work waiting now (what it hands to the UI thread waits for {@link #runUi}). */
    void runBackground() {
        List<Runnable> now = new ArrayList<>(background);
        background.clear();
        now.forEach(Runnable::run);
    }

    /** Runs the UI tasks waiting now (what they schedule waits for the next call). */
    void runUi() {
        List<Runnable> now = new ArrayList<>(ui);
        ui.clear();
        now.forEach(Runnable::run);
    }

    /** Runs background work and UI tasks until none is left (not for live mode, which never ends). */
    void settle() {
        for (int round = 0; round < 50 && !(background.isEmpty() && ui.isEmpty()); round++) {
            runBackground();
            runUi();
        }
    }
}
