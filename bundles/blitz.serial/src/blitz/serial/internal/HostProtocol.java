// SPDX-License-Identifier: EPL-2.0
package blitz.serial.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import blitz.codec.BoardMessageCodec;
import blitz.codec.MalformedLineException;
import blitz.codec.NumberedMessages;
import blitz.codec.SequenceTracker;
import blitz.codec.ShortCode;
import blitz.codec.ShortMessage;
import blitz.model.decoder.MessageDecodingException;
import blitz.model.message.BoardMessage;
import blitz.model.source.LossEvent;
import blitz.source.support.LinePreview;
import blitz.source.support.SourceCounters;

/**
 * The expansion-board host protocol of the original server on one line channel: flush and ID
 * handshake ({@code 0081} → {@code <id>82}), START ({@code <id>00}), TRANSMIT ({@code <id>C0}: the
 * buffered lines, then {@code <id>40}), STOP ({@code <id>20}) and other commands with their ACK
 * ({@code <id>40}). Data lines are parsed with the codec and numbered ones checked for gaps; error
 * replies ({@code <id>61}..{@code 66}) are counted and reported. Once a stop is asked for, the board
 * may stay quiet for at most {@value #STOP_QUIET_MS} ms per reply. Used by the source's worker and
 * its command callers one at a time (the source serialises exchanges).
 */
final class HostProtocol {
    /** How long the board may stay quiet in a reply once a stop was asked for. */
    static final long STOP_QUIET_MS = 500;
    private static final long FLUSH_QUIET_MS = 200;
    /** How often a reply read checks whether a stop shortened its time. */
    private static final long READ_CHECK_MS = 100;

    /** Where the protocol delivers and reports, and how it learns that the source stops. */
    interface Receiver {
        boolean stopping();

        /** @return whether the stop's time is up: a reply still coming is cut off */
        boolean stopTimeUp();

        void deliver(String line);

        void badLine(int boardId, String detail);

        void loss(LossEvent.Kind kind, int boardId, long count, String detail);

        SourceCounters counters();
    }

    private final String port;
    private final int maxLineLength;
    private final long replyTimeoutMs;
    private final BoardMessageCodec codec;
    private final SequenceTracker sequences = new SequenceTracker();
    private final Receiver receiver;

    HostProtocol(String port, int maxLineLength, long replyTimeoutMs, Receiver receiver) {
        this.port = port;
        this.maxLineLength = maxLineLength;
        this.replyTimeoutMs = replyTimeoutMs;
        this.codec = new BoardMessageCodec(Math.max(BoardMessage.MIN_HEX_LENGTH, maxLineLength));
        this.receiver = receiver;
    }

    /** Flushes, asks for the board id ({@code 0081}) and returns the first two hex digits of the {@code 82} reply. */
    int identify(SerialLink open) throws IOException {
        open.writeLine("");
        open.discardInput(FLUSH_QUIET_MS);
        open.writeLine(ShortMessage.of(0, ShortCode.ID_REQUEST).encode());
        while (true) {
            String reply = readReply(open);
            if (reply == null) {
                throw new IOException("no board answered the ID request on " + port + " within " + replyQuietMs() + " ms");
            }
            if (reply.length() == ShortMessage.LENGTH) {
                try {
                    ShortMessage message = ShortMessage.parse(reply);
                    if (message.is(ShortCode.ID_REPLY)) {
                        return message.boardId();
                    }
                } catch (MalformedLineException e) {
                    // not the ID reply: keep waiting for it
                }
            }
        }
    }

    void start(SerialLink open, int boardId) throws IOException {
        String reply = command(open, boardId, ShortMessage.of(boardId, ShortCode.START).encode());
        if (reply != null) {
            throw new IOException("board " + hex2(boardId) + " did not acknowledge START: " + reply);
        }
    }

    /** Sends STOP; a missing ACK is kept as the last error (the board may hang, the port closes anyway). */
    void stop(SerialLink open, int boardId) throws IOException {
        String reply = command(open, boardId, ShortMessage.of(boardId, ShortCode.STOP).encode());
        if (reply != null) {
            receiver.counters().lastError("board " + hex2(boardId) + " did not acknowledge STOP: " + reply);
        }
    }

    /**
     * One TRANSMIT exchange: delivers the data lines up to the board's {@code 40}.
     *
     * @return the short code that ended the exchange (ACK or an error that ends it), or null when the
     *         board stayed quiet too long
     */
    ShortCode transmit(SerialLink open, int boardId) throws IOException {
        open.writeLine(ShortMessage.of(boardId, ShortCode.TRANSMIT).encode());
        while (true) {
            long overlong = open.overlongLines();
            String line = readReply(open);
            if (open.overlongLines() > overlong) {
                receiver.badLine(boardId, "line longer than " + maxLineLength + " characters");
            }
            if (line == null) {
                receiver.counters().lastError(quietReason(boardId, "end TRANSMIT"));
                return null;
            }
            if (line.length() == ShortMessage.LENGTH) {
                ShortCode end = shortReply(boardId, line);
                if (end != null) {
                    return end;
                }
            } else if (line.length() >= BoardMessage.MIN_HEX_LENGTH) {
                dataLine(line);
            } else {
                receiver.badLine(boardId, "not a board message: " + LinePreview.of(line));
            }
        }
    }

    /** @return why a board's reply did not come: it stayed quiet too long to {@code what} */
    String quietReason(int boardId, String what) {
        return "board " + hex2(boardId) + " did not " + what + " within " + replyQuietMs() + " ms";
    }

    /**
     * Writes a command line and waits for the board's answer.
     *
     * @return {@code null} on ACK, else the board's reply (or why there was none)
     */
    String command(SerialLink open, int boardId, String line) throws IOException {
        open.writeLine(line);
        String reply = readReply(open);
        if (reply == null) {
            return "no reply from board " + hex2(boardId) + " within " + replyQuietMs() + " ms";
        }
        if (reply.length() == ShortMessage.LENGTH) {
            try {
                ShortMessage message = ShortMessage.parse(reply);
                if (message.boardId() == boardId && message.is(ShortCode.ACK)) {
                    return null;
                }
                if (message.isError()) {
                    boardError(message);
                }
            } catch (MalformedLineException e) {
                // returned as the reply below
            }
        }
        return reply;
    }

    /** @return the code when it ends a TRANSMIT reply (ACK, not logging), else null */
    private ShortCode shortReply(int boardId, String line) {
        ShortMessage message;
        try {
            message = ShortMessage.parse(line);
        } catch (MalformedLineException e) {
            receiver.badLine(boardId, e.getMessage());
            return null;
        }
        if (message.is(ShortCode.ACK)) {
            return ShortCode.ACK;
        }
        if (message.isError()) {
            boardError(message);
            return message.is(ShortCode.ERROR_NOT_LOGGING) ? ShortCode.ERROR_NOT_LOGGING : null;
        }
        receiver.badLine(boardId, "unexpected short message " + line);
        return null;
    }

    private void dataLine(String line) {
        BoardMessage message;
        try {
            message = codec.parse(line);
        } catch (MalformedLineException e) {
            receiver.badLine(-1, e.getMessage());
            return;
        }
        if (NumberedMessages.isNumbered(message)) {
            try {
                long sequence = NumberedMessages.sequence(message);
                SequenceTracker.Step step = sequences.observe(message.sender(), sequence);
                if (step.missing() > 0) {
                    receiver.counters().gap();
                    receiver.loss(LossEvent.Kind.SEQUENCE_GAP, message.sender(), step.missing(),
                            step.missing() + " numbered messages missing before number " + sequence + " (" + step.kind() + ")");
                }
            } catch (MessageDecodingException e) {
                // isNumbered() checked the layout; nothing else can fail here
            }
        }
        receiver.deliver(line);
    }

    private void boardError(ShortMessage message) {
        String code = hex2(message.code());
        receiver.counters().boardError(code);
        String meaning = message.knownCode().map(c -> c.name().toLowerCase().replace('_', ' ')).orElse("error");
        receiver.loss(LossEvent.Kind.BOARD_ERROR, message.boardId(), 1,
                "board " + hex2(message.boardId()) + " replied " + code + " (" + meaning + ")");
    }

    /**
     * Reads the next line of a reply in short slices, so that a stop asked for meanwhile shortens
     * the wait to {@link #STOP_QUIET_MS} and ends it when the stop's time is up.
     *
     * @return the line, or null when the board stayed quiet for {@link #replyQuietMs()}
     * @throws IOException when the stop's time is up (the drain is cut short) or the port went away
     */
    private String readReply(SerialLink open) throws IOException {
        long asked = System.nanoTime();
        while (true) {
            if (receiver.stopTimeUp()) {
                throw new IOException("the stop's time was up while the board on " + port + " was still replying");
            }
            String line = open.readLine(READ_CHECK_MS);
            if (line != null) {
                return line;
            }
            long quietNanos = System.nanoTime() - Math.max(asked, open.lastByteNanos());
            if (quietNanos >= TimeUnit.MILLISECONDS.toNanos(replyQuietMs())) {
                return null;
            }
        }
    }

    /** @return how long the board may stay quiet in a reply: shorter once a stop was asked for */
    private long replyQuietMs() {
        return receiver.stopping() ? Math.min(replyTimeoutMs, STOP_QUIET_MS) : replyTimeoutMs;
    }

    static String hex2(int value) {
        return String.format("%02X", value);
    }
}
