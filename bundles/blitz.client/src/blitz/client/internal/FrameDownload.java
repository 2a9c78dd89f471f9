// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import blitz.model.connection.LoggerConnection.DownloadException;
import blitz.protocol.wire.DownloadFrames;
import blitz.protocol.wire.Replies;

/**
 * One session download on the {@link ConnectionWorker} through the {@code DOWNLOAD-FRAMES} extension:
 * frames bounded in bytes, each request naming its position, each frame handed to the consumer. The
 * first frame is small, so the first messages arrive at once; each next one doubles, up to the largest
 * bound. The runtime keeps no download state, so stopping early (refused, a frame not saved,
 * cancelled) leaves nothing to release.
 */
final class FrameDownload {
    /** The first frame's bound: the first progress shows within milliseconds. */
    static final int FIRST_FRAME_BYTES = 16 << 10;
    /** Frames grow to this: several MB per request, so the round trip costs nothing. */
    static final int LARGEST_FRAME_BYTES = 4 << 20;

    private final RuntimeLink link;
    private final Consumer<List<String>> frameConsumer;
    private final BooleanSupplier cancelled;

    FrameDownload(RuntimeLink link, Consumer<List<String>> frameConsumer, BooleanSupplier cancelled) {
        this.link = link;
        this.frameConsumer = frameConsumer;
        this.cancelled = cancelled;
    }

    /** @return the messages delivered */
    long run(long sessionId, long fromIndex) throws DownloadException {
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
                    frameConsumer.accept(messages);
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
