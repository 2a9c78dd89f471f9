// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import org.eclipse.core.runtime.IProgressMonitor;

import blitz.model.sync.Progress;

/**
 * Adapts the session sync's {@link Progress} to a job's {@link IProgressMonitor} (scaled to whole
 * per-mille units, since a session may hold more messages than an int counts) and keeps the latest
 * state for the view's own progress bar, which reads it from the UI thread.
 */
final class JobProgress implements Progress {
    static final int UNITS = 1000;

    private final IProgressMonitor monitor;
    private volatile String task = "";
    private volatile long total = -1;
    private volatile long done;
    private int reported;

    JobProgress(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void begin(String newTask, long newTotal) {
        task = newTask;
        total = newTotal;
        done = 0;
        reported = 0;
        monitor.beginTask(newTask, newTotal > 0 ? UNITS : IProgressMonitor.UNKNOWN);
    }

    @Override
    public void worked(long newDone) {
        done = newDone;
        int units = perMille();
        if (units > reported) {
            monitor.worked(units - reported);
            reported = units;
        }
        monitor.subTask(total > 0 ? newDone + " of " + total : Long.toString(newDone));
    }

    @Override
    public boolean isCancelled() {
        return monitor.isCanceled();
    }

    /** @return the finished share in units of {@link #UNITS}, or -1 while the total is unknown */
    int perMille() {
        long whole = total;
        return whole > 0 ? (int) Math.min(UNITS, done * UNITS / whole) : -1;
    }

    String task() {
        return task;
    }

    long done() {
        return done;
    }
}
