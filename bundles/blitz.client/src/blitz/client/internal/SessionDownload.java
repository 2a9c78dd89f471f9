// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import blitz.model.connection.LoggerConnection.DownloadException;
import blitz.protocol.wire.Command;
import blitz.protocol.wire.DownloadFrames;
import blitz.protocol.wire.Replies;

/**
 * One session download on the {@link ConnectionWorker}: the original's ACK-driven chunks, each handed
 * to the consumer, until the {@code NACK} trailer; or, from a runtime that offers them, large frames
 * ({@link #framed}). Releases the runtime ({@link RuntimeLink#release}:
 * {@code RESET}, or {@code ACK} to the end for the original logger, which {@code RESET} would wedge)
 * whenever it stops early (refused, a chunk not saved, cancelled), so the runtime never waits for an ACK.
 */
final class SessionDownload {
    /** The first frame's bound: the first progress shows within milliseconds. */
    static final int FIRST_FRAME_BYTES = 16 << 10;
    /** Frames grow to this: several MB per request, so the round trip costs next to nothing. */
    static final int LARGEST_FRAME_BYTES = 4 << 20;

    private final RuntimeLink link;
    private final Consumer<List<String>> chunkConsumer;
    private final BooleanSupplier cancelled;

    SessionDownload(RuntimeLink link, Consumer<List<String>> chunkConsumer, BooleanSupplier cancelled) {
        this.link = link;
        this.chunkConsumer = chunkConsumer;
        this.cancelled = cancelled;
    }

    /**
     * The original's download.
     *
     * @param firstRequest {@code DOWNLOAD <n>} or {@code DOWNLOAD <n> FROM <k>}
     * @return the messages delivered
     */
    long run(String firstRequest) throws DownloadException {
        if (!link.isOpen()) {
            throw new DownloadException("not connected", 0);
        }
        long delivered = 0;
        String request = firstRequest;
        while (true) {
            Optional<String> reply = link.exchange(request);
            if (delivered == 0 && reply.isPresent() && RuntimeLink.isStuckDownloading(reply.get())) {
                // A download we lost earlier left the runtime waiting for our ACK: release it, ask again.
                link.release();
                reply = link.exchange(request);
            }
            if (reply.isEmpty()) {
                throw new DownloadException("the runtime stopped answering during the download", delivered);
            }
            String text = reply.get();
            if (Replies.isError(text)) {
                link.release();
                throw new DownloadException("the runtime refused the download: " + text, delivered);
            }
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            String trailer = lines.remove(lines.size() - 1);
            lines.removeIf(String::isEmpty);
            if (!lines.isEmpty()) {
                try {
                    chunkConsumer.accept(lines);
                } catch (RuntimeException e) {
                    link.release();
                    throw new DownloadException("saving a downloaded chunk failed: " + e, delivered);
                }
                delivered += lines.size();
            }
            if (!trailer.equals(Replies.ACK)) {
                return delivered; // NACK: that was the last chunk (or there was no data)
            }
            if (cancelled.getAsBoolean()) {
                link.release();
                return delivered;
            }
            request = Command.ACK.name();
        }
    }

    /**
     * The download through the {@code DOWNLOAD-FRAMES} extension: frames bounded in bytes, each request
     * naming its position. The first frame is small, so the first messages arrive at once; each next one
     * doubles, up to {@value #LARGEST_FRAME_BYTES}. The runtime keeps no download state, so stopping early
     * (refused, a frame not saved, cancelled) leaves nothing to release.
     *
     * @return the messages delivered
     */
    long framed(long sessionId, long fromIndex) throws DownloadException {
        long next = fromIndex;
        int bound = FIRST_FRAME_BYTES;
        while (true) {
            if (!link.isOpen()) {
                throw new DownloadException("not connected", next - fromIndex);
            }
            Optional<String> reply = link.exchange(DownloadFrames.request(sessionId, next, bound));
            if (reply.isEmpty()) {
                throw new DownloadException("the runtime stopped answering during the download", next - fromIndex);
            }
            if (Replies.isError(reply.get())) {
                throw new DownloadException("the runtime refused the download: " + reply.get(), next - fromIndex);
            }
            Optional<DownloadFrames.Frame> frame = DownloadFrames.parse(sessionId, next, reply.get());
            if (frame.isEmpty() || (frame.get().more() && frame.get().messages().isEmpty())) {
                throw new DownloadException("the runtime sent a frame this client cannot read at message " + next,
                        next - fromIndex);
            }
            List<String> messages = frame.get().messages();
            if (!messages.isEmpty()) {
                try {
                    chunkConsumer.accept(messages);
                } catch (RuntimeException e) {
                    throw new DownloadException("saving a downloaded frame failed: " + e, next - fromIndex);
                }
                next += messages.size();
            }
            if (!frame.get().more() || cancelled.getAsBoolean()) {
                return next - fromIndex;
            }
            bound = Math.min(LARGEST_FRAME_BYTES, bound * 2);
        }
    }
}
