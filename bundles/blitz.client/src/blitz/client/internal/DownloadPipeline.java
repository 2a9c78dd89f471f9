// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.client.DownloadStore;
import blitz.model.client.ReadingBatch;
import blitz.model.connection.LoggerConnection.DownloadException;
import blitz.model.connection.SessionTransfer;
import blitz.model.sync.Progress;

/**
 * One session download as three stages on their own threads, joined by bounded queues: fetch (the
 * connection's frames or chunks), decode (frames regrouped into commit groups of at most
 * {@value #GROUP_MESSAGES} messages, or what arrived within {@value #GROUP_MS} ms), and store (the
 * caller's thread: one {@link DownloadStore#addDownloadChunk} per group, so a group is committed whole,
 * numbered by its position, and a resumed download continues exactly after the last committed group).
 * Progress is reported and cancel polled on the caller's thread after each commit; a cancel, a failed
 * commit or a failed fetch stops all three stages, and what was committed stays.
 */
final class DownloadPipeline {
    /** Messages committed in one transaction at most (the client store's bulk path is fastest with large batches). */
    static final int GROUP_MESSAGES = 10_000;
    /** A group is committed at the latest this long after its first message arrived (slow links still show progress). */
    static final long GROUP_MS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(DownloadPipeline.class);
    /** Frames fetched ahead of the decoder: bounded, as a frame can be several MB. */
    private static final int FETCHED_FRAMES = 3;
    /** Decoded groups waiting for the store. */
    private static final int DECODED_GROUPS = 2;
    private static final long POLL_MS = 100;
    /** Its own instance: compared by identity, never mistaken for a frame. */
    private static final List<String> END_OF_FRAMES = Collections.unmodifiableList(new ArrayList<>());

    /** A commit group: raw lines numbered from {@code firstIndex}, and their readings. */
    private record Group(long firstIndex, List<String> lines, ReadingBatch readings) {
    }

    private static final Group END_OF_GROUPS = new Group(-1, List.of(), new ReadingBatch(0));

    /** How a download ended: the raw messages stored now, and why it stopped early, if it did. */
    record Outcome(long stored, Optional<String> failure) {
    }

    private final SessionTransfer transfer;
    private final DownloadStore store;
    private final ChunkDecoder decoder;
    private final BlockingQueue<List<String>> fetched = new ArrayBlockingQueue<>(FETCHED_FRAMES);
    private final BlockingQueue<Group> decoded = new ArrayBlockingQueue<>(DECODED_GROUPS);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<String> failure = new AtomicReference<>();

    DownloadPipeline(SessionTransfer transfer, DownloadStore store, ChunkDecoder decoder) {
        this.transfer = transfer;
        this.store = store;
        this.decoder = decoder;
    }

    /**
     * @param fromIndex where the runtime's download starts (0 for a runtime that cannot resume)
     * @param stored    raw messages already stored: those before it are skipped, the rest stored after them
     */
    Outcome run(long sessionId, long fromIndex, long stored, Progress progress) {
        Thread fetch = stage("fetch", sessionId, () -> fetch(sessionId, fromIndex));
        Thread decode = stage("decode", sessionId, () -> decode(stored - fromIndex, stored));
        long next = stored;
        try {
            while (!stopped.get()) {
                Group group = take(decoded, progress);
                if (group == null || group == END_OF_GROUPS) {
                    break;
                }
                store.addDownloadChunk(sessionId, group.firstIndex(), group.lines(), group.readings());
                next += group.lines().size();
                progress.worked(next);
                if (progress.isCancelled()) {
                    stopped.set(true);
                }
            }
        } catch (RuntimeException e) {
            fail("saving downloaded messages failed: " + e);
        } finally {
            stopped.set(true);
            join(fetch);
            join(decode);
        }
        return new Outcome(next, Optional.ofNullable(failure.get()));
    }

    /** The fetch stage: the connection's download, each frame queued for the decoder. */
    private void fetch(long sessionId, long fromIndex) {
        try {
            transfer.download(sessionId, fromIndex, frame -> offer(fetched, frame), stopped::get);
        } catch (DownloadException e) {
            fail(e.getMessage());
        } catch (RuntimeException e) {
            fail("the download failed: " + e);
        } finally {
            offerEnd(fetched, END_OF_FRAMES);
        }
    }

    /**
     * The decode stage: regroups the frames into commit groups and decodes them.
     *
     * @param skip  messages at the start already stored (a runtime that cannot resume sends them again)
     * @param first the index of the first message to store
     */
    private void decode(long skip, long first) {
        long toSkip = skip;
        long next = first;
        List<String> group = new ArrayList<>();
        long deadline = Long.MAX_VALUE;
        try {
            while (!stopped.get()) {
                long waitMs = group.isEmpty() ? POLL_MS : Math.max(0, Math.min(POLL_MS, deadline - System.currentTimeMillis()));
                List<String> frame = fetched.poll(waitMs, TimeUnit.MILLISECONDS);
                if (frame == END_OF_FRAMES) {
                    break;
                }
                if (frame != null) {
                    int skipped = (int) Math.min(frame.size(), toSkip);
                    toSkip -= skipped;
                    for (String line : frame.subList(skipped, frame.size())) {
                        if (group.isEmpty()) {
                            deadline = System.currentTimeMillis() + GROUP_MS;
                        }
                        group.add(line);
                        if (group.size() == GROUP_MESSAGES) {
                            next = hand(next, group);
                            group = new ArrayList<>();
                        }
                    }
                }
                if (!group.isEmpty() && System.currentTimeMillis() >= deadline) {
                    next = hand(next, group);
                    group = new ArrayList<>();
                }
            }
            if (!group.isEmpty() && !stopped.get()) {
                hand(next, group);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("the download was interrupted");
        } catch (RuntimeException e) {
            fail("decoding downloaded messages failed: " + e);
        } finally {
            offerEnd(decoded, END_OF_GROUPS);
        }
    }

    /** Decodes a group and queues it for the store. @return the index after it */
    private long hand(long firstIndex, List<String> lines) {
        offer(decoded, new Group(firstIndex, lines, decoder.decode(lines)));
        return firstIndex + lines.size();
    }

    private void fail(String why) {
        if (failure.compareAndSet(null, why)) {
            LOG.debug("download stopped: {}", why);
        }
        stopped.set(true);
    }

    /** Waits for room in a queue; gives the item up once the download stopped (nothing takes it any more). */
    private <T> void offer(BlockingQueue<T> queue, T item) {
        try {
            while (!stopped.get() && !queue.offer(item, POLL_MS, TimeUnit.MILLISECONDS)) {
                // the next stage is busy: wait, so that memory stays bounded
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("the download was interrupted");
        }
    }

    /** Queues the end marker, making room for it when the download stopped and nobody takes items any more. */
    private <T> void offerEnd(BlockingQueue<T> queue, T end) {
        while (!queue.offer(end)) {
            if (stopped.get()) {
                queue.poll();
            } else {
                offer(queue, end);
                return;
            }
        }
    }

    /** @return the next item, or null once the download stopped (a cancel while waiting stops it) */
    private <T> T take(BlockingQueue<T> queue, Progress progress) {
        try {
            T item = null;
            while (!stopped.get() && (item = queue.poll(POLL_MS, TimeUnit.MILLISECONDS)) == null) {
                if (progress.isCancelled()) {
                    stopped.set(true);
                }
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("the download was interrupted");
            return null;
        }
    }

    private static Thread stage(String name, long sessionId, Runnable work) {
        Thread thread = new Thread(work, "blitz-download-" + name + " " + sessionId);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread stage) {
        try {
            stage.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
