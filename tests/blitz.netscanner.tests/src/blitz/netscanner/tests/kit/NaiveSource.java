// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests.kit;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import blitz.model.source.CommandResult;
import blitz.model.source.MessageSink;
import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.model.source.SourceStatistics;

/**
 * A deliberately broken source of a {@link MemoryDevice}, written the naive way: a new thread per
 * start, no reconnect, no loss reports, and a stop that either waits for its thread with a generous
 * timeout ({@link Stop#BLOCKING}) or not at all ({@link Stop#HASTY}); a message read while stopping
 * is dropped. The kit must catch each of these.
 */
final class NaiveSource implements MessageSource {
    /** How a naive stop waits for the worker. */
    enum Stop {
        /** Joins the worker for up to {@value NaiveSource#JOIN_MS} ms: unbounded for a hanging device. */
        BLOCKING,
        /** Returns at once while the worker still reads. */
        HASTY
    }

    static final long JOIN_MS = 5000;
    private static final long POLL_MS = 200;

    private final MemoryDevice device;
    private final Stop stop;
    private final AtomicLong messages = new AtomicLong();
    private volatile SourceState state = SourceState.STOPPED;
    private volatile boolean stopped;
    private Thread worker;

    NaiveSource(MemoryDevice device, Stop stop) {
        this.device = device;
        this.stop = stop;
    }

    @Override
    public String id() {
        return "naive";
    }

    @Override
    public String description() {
        return "a naive source";
    }

    @Override
    public synchronized void start(MessageSink sink) {
        stopped = false;
        state = SourceState.CONNECTING;
        worker = new Thread(() -> read(sink), "naive-source");
        worker.setDaemon(true);
        worker.start();
    }

    private void read(MessageSink sink) {
        try {
            device.connect(() -> false);
        } catch (IOException | InterruptedException e) {
            state = SourceState.FAILED;
            return;
        }
        state = SourceState.RUNNING;
        try {
            while (!stopped) {
                String line = device.request(() -> false);
                if (!stopped) {
                    messages.incrementAndGet();
                    sink.onMessage(id(), line);
                }
                Thread.sleep(POLL_MS);
            }
        } catch (IOException | InterruptedException e) {
            state = SourceState.FAILED;
        } finally {
            device.disconnect();
        }
    }

    @Override
    public void stop() {
        Thread ending;
        synchronized (this) {
            stopped = true;
            state = SourceState.STOPPED;
            ending = worker;
        }
        if (stop == Stop.BLOCKING && ending != null) {
            try {
                ending.join(JOIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public SourceState state() {
        return state;
    }

    @Override
    public Set<Integer> boardIds() {
        return Set.of(8);
    }

    @Override
    public CommandResult sendCommand(int boardId, String hexCommand) {
        return CommandResult.failed("no commands");
    }

    @Override
    public SourceStatistics statistics() {
        return new SourceStatistics(messages.get(), 0, 0, Map.of(), 0, 0, "");
    }
}
