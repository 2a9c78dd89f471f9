// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.ui.charts.model.PlotScheduler;

/**
 * Runs the plot model's store reads as system jobs and hands their answers to the UI thread of the
 * chart's control, unless the control is disposed by then. Bucket queries run one after the other.
 */
final class JobPlotScheduler implements PlotScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(JobPlotScheduler.class);

    private final Control chart;
    private final Display display;
    /** Query jobs run one after the other, so each one sees what the one before it cached. */
    private final ISchedulingRule oneQueryAtATime = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };
    private Job query;

    JobPlotScheduler(Control chart) {
        this.chart = chart;
        this.display = chart.getDisplay();
    }

    @Override
    public <T> void load(String name, Supplier<T> work, Consumer<T> then, Consumer<RuntimeException> failed) {
        Job job = Job.create(name, monitor -> {
            try {
                T value = work.get();
                onUi(0, () -> then.accept(value));
            } catch (RuntimeException e) {
                LOG.warn("{} failed", name, e);
                onUi(0, () -> failed.accept(e));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    @Override
    public void query(String name, long delayMs, Consumer<BooleanSupplier> work) {
        query = Job.create(name, monitor -> {
            work.accept(monitor::isCanceled);
            return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
        });
        query.setRule(oneQueryAtATime);
        query.setSystem(true);
        query.schedule(delayMs);
    }

    @Override
    public void cancelQuery() {
        if (query != null) {
            query.cancel();
        }
    }

    @Override
    public void onUi(long delayMs, Runnable task) {
        if (display.isDisposed()) {
            return;
        }
        Runnable guarded = () -> {
            if (!chart.isDisposed()) {
                task.run();
            }
        };
        if (delayMs > 0 && Display.getCurrent() == display) {
            display.timerExec((int) delayMs, guarded);
        } else if (delayMs > 0) {
            display.asyncExec(() -> display.timerExec((int) delayMs, guarded));
        } else {
            display.asyncExec(guarded);
        }
    }
}
