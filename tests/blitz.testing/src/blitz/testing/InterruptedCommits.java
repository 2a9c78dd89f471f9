// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import blitz.model.client.DownloadStore;
import blitz.model.client.ReadingBatch;
import blitz.model.sync.SessionSync;

/**
 * Interrupts a download in the middle of one of its grouped commits, inside the real client store: the
 * chosen {@link DownloadStore#addDownloadChunk} call gets an over-long line in the middle of its raw lines,
 * so the store has written part of the group when its transaction fails and rolls back. Every other
 * call goes to the real store unchanged. {@link #install} makes the client's session sync use it (its
 * {@code downloads} reference is targeted at it), and the {@link Osgi} instance undoes that after the test.
 */
public final class InterruptedCommits implements DownloadStore {
    /** Longer than any raw line the client store keeps, so the store refuses it inside its transaction. */
    private static final int TOO_LONG = 40_000;
    private static final String PROPERTY = "blitz.testing.interrupted-commits";

    private final DownloadStore real;
    private final AtomicInteger commits = new AtomicInteger();
    private volatile int interrupted = -1;

    private InterruptedCommits(DownloadStore real) {
        this.real = real;
    }

    /**
     * Registers the wrapper around {@code real} and binds the session sync to it.
     *
     * @return the wrapper, passing everything through until {@link #interruptCommit} is called
     */
    public static InterruptedCommits install(Osgi osgi, DownloadStore real) {
        InterruptedCommits wrapper = new InterruptedCommits(real);
        osgi.register(DownloadStore.class, wrapper, Map.of(PROPERTY, true));
        osgi.configure("blitz.client.internal.SessionSyncService", Map.of("downloads.target", "(" + PROPERTY + "=true)"));
        Osgi.eventually("the session sync bound to the interrupting store", () -> {
            var reference = Osgi.context().getServiceReference(SessionSync.class);
            return reference != null && reference.getProperty("downloads.target") != null;
        });
        return wrapper;
    }

    /** The {@code n}th commit from now (1 = the next) fails in its middle; the others pass. */
    public void interruptCommit(int n) {
        interrupted = commits.get() + n;
    }

    /** @return the commits ({@code addDownloadChunk} calls) seen so far */
    public int commits() {
        return commits.get();
    }

    @Override
    public void addDownloadChunk(long sessionId, long firstIndex, List<String> rawLines, ReadingBatch readings) {
        if (commits.incrementAndGet() != interrupted || rawLines.size() < 2) {
            real.addDownloadChunk(sessionId, firstIndex, rawLines, readings);
            return;
        }
        List<String> poisoned = new ArrayList<>(rawLines);
        poisoned.set(rawLines.size() * 3 / 4, "0".repeat(TOO_LONG));
        real.addDownloadChunk(sessionId, firstIndex, poisoned, readings);
    }

    @Override
    public int addReadings(long sessionId, ReadingBatch batch) {
        return real.addReadings(sessionId, batch);
    }

    @Override
    public long rawMessageCount(long sessionId) {
        return real.rawMessageCount(sessionId);
    }

    @Override
    public long readRawMessages(long sessionId, long fromIndex, int chunkSize, Consumer<List<String>> chunkConsumer) {
        return real.readRawMessages(sessionId, fromIndex, chunkSize, chunkConsumer);
    }

    @Override
    public void clearSessionReadings(long sessionId) {
        real.clearSessionReadings(sessionId);
    }
}
