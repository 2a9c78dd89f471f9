// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

/** Runs store and network calls off the UI thread, as Eclipse Jobs, and hands results back to it. */
public final class Background {
    private Background() {
    }

    /** Runs {@code work} in a system job. */
    public static Job run(String name, Runnable work) {
        Job job = Job.create(name, monitor -> {
            work.run();
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
        return job;
    }

    /**
     * Computes a value in a system job and passes it to {@code onUi} on the UI thread, unless the
     * display is gone by then. A failure is logged and {@code onUi} is not called.
     */
    public static <T> Job load(String name, Display display, Supplier<T> work, Consumer<T> onUi) {
        Job job = Job.create(name, monitor -> {
            T value;
            try {
                value = work.get();
            } catch (RuntimeException e) {
                return Status.error(name + " failed: " + e.getMessage(), e);
            }
            onUi(display, () -> onUi.accept(value));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
        return job;
    }

    /** Runs {@code task} on the UI thread later, unless the display is disposed. */
    public static void onUi(Display display, Runnable task) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!display.isDisposed()) {
                    task.run();
                }
            });
        }
    }
}
