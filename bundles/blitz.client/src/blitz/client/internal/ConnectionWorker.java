// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the connection's socket, so requests are strictly one at a time as the
 * protocol demands: callers hand it their work and wait, or schedule it.
 */
final class ConnectionWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWorker.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "blitz-runtime-connection");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs a task on the worker and waits for its result; the task's failure is logged and rethrown unchecked. */
    <T> T call(Supplier<T> task) {
        try {
            return executor.submit(task::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to the runtime", e);
        } catch (ExecutionException e) {
            LOG.warn("runtime connection task failed", e.getCause());
            throw new IllegalStateException(e.getCause());
        }
    }

    /** @return the task's future, for a caller that handles the task's own (checked) failure */
    <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    /** Runs a task on the worker after the current one, unless the worker is shut down. */
    void later(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(task);
        }
    }

    ScheduledFuture<?> schedule(Runnable task, long delayMs) {
        return executor.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    }

    ScheduledFuture<?> every(Runnable task, long periodMs) {
        return executor.scheduleWithFixedDelay(task, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
