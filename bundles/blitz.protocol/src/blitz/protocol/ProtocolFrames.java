// SPDX-License-Identifier: EPL-2.0
package blitz.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The logger protocol's reply framing, as the original: a reply of up to {@value #MAX_FRAME} characters
 * is one frame (an empty reply is one empty frame); a longer one is cut into {@value #MAX_FRAME}-character
 * frames sent with SNDMORE, followed by a final empty frame. A client concatenates frames until no more
 * follow. Shared by the server and by clients.
 */
public final class ProtocolFrames {
    /** The original's MAX_RESPONSE_LENGTH. */
    public static final int MAX_FRAME = 1024;

    private ProtocolFrames() {
    }

    /** @return the frames a reply is sent as, in order */
    public static List<String> split(String reply) {
        if (reply.length() <= MAX_FRAME) {
            return List.of(reply);
        }
        List<String> frames = new ArrayList<>(reply.length() / MAX_FRAME + 2);
        for (int start = 0; start < reply.length(); start += MAX_FRAME) {
            frames.add(reply.substring(start, Math.min(reply.length(), start + MAX_FRAME)));
        }
        frames.add("");
        return frames;
    }
}
