// SPDX-License-Identifier: EPL-2.0
package blitz.simulator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import blitz.codec.BoardMessageCodec;
import blitz.codec.MalformedLineException;
import blitz.model.message.BoardMessage;

/**
 * A file of raw board lines that a simulated board sends over and over, so that a plug-in author can
 * run a board Blitz does not know end to end. One hex line per line, as the board would send it (any
 * board id, type, flags and payload); blank lines and lines starting with {@code #} are skipped. The
 * timestamps are replaced by the simulated board's clock so that a session sees time go forward.
 */
public final class LineReplay implements MessageSource {
    private final List<BoardMessage> lines;

    private LineReplay(List<BoardMessage> lines) {
        this.lines = lines;
    }

    /**
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when a line is not a board message (naming the file and line) or
     *                                  the file holds no board line
     */
    public static LineReplay read(Path file) throws IOException {
        List<BoardMessage> messages = new ArrayList<>();
        List<String> text = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                messages.add(BoardMessageCodec.standard().parse(line));
            } catch (MalformedLineException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (messages.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no board line");
        }
        return new LineReplay(List.copyOf(messages));
    }

    /** @return the board id of the first line: the board a simulator replaying the file answers as */
    public int boardId() {
        return lines.get(0).sender();
    }

    @Override
    public BoardMessage message(long sequence, double seconds, long timestamp) {
        BoardMessage line = lines.get((int) (sequence % lines.size()));
        return new BoardMessage(line.sender(), line.type(), line.flagBits(), timestamp, line.payload(), line.payloadBits());
    }
}
