// SPDX-License-Identifier: EPL-2.0
package blitz.serial.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import blitz.codec.LineSplitter;

/**
 * Test fixture: board 08 on the far end of a pty that answers the ID request, START and STOP with
 * their short replies and each TRANSMIT with one data message then {@code 0840} while
 * {@link #answering(boolean) answering}, and reads but ignores everything while not: a board that
 * hangs. It can put one line that is not a message into the next TRANSMIT reply, and reopen its end
 * after the pty was made again.
 */
final class MutableBoard implements AutoCloseable {
    private static final String NOT_A_MESSAGE = "not a board message";

    private final Path device;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean garbage = new AtomicBoolean();
    private volatile boolean answering = true;
    private volatile FileChannel channel;
    private Thread server;

    MutableBoard(Path device) throws IOException {
        this.device = device;
        open();
    }

    private void open() throws IOException {
        FileChannel opened = FileChannel.open(device, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel = opened;
        server = new Thread(() -> serve(opened), "mutable-board-" + device);
        server.setDaemon(true);
        server.start();
    }

    void answering(boolean answers) {
        answering = answers;
    }

    /** @return data messages sent in TRANSMIT replies */
    long sent() {
        return sent.get();
    }

    /** Puts a line that is not a board message before the next TRANSMIT reply. */
    void sendGarbage() {
        garbage.set(true);
    }

    /** Opens the board end again, after the pty pair was removed and made again. */
    void reopen() throws IOException {
        close();
        open();
    }

    private void serve(FileChannel opened) {
        LineSplitter splitter = new LineSplitter(256, this::reply);
        ByteBuffer in = ByteBuffer.allocate(1024);
        try {
            while (opened.read(in.clear()) >= 0) {
                splitter.feed(in.flip());
            }
        } catch (IOException e) {
            // closed by close(), or the pty went away
        }
    }

    private void reply(String line) {
        if (!answering || line.length() != 4) {
            return;
        }
        String answer = switch (line) {
            case "0081" -> "0882";
            case "0800", "0820" -> "0840";
            case "08C0" -> transmitReply();
            default -> "";
        };
        if (!answer.isEmpty()) {
            try {
                channel.write(ByteBuffer.wrap((answer + "\n").getBytes(StandardCharsets.ISO_8859_1)));
            } catch (IOException e) {
                // closed by close(), or the pty went away
            }
        }
    }

    /** @return an optional garbage line, one data message (type 2, no payload bits set) and the ACK */
    private String transmitReply() {
        String junk = garbage.getAndSet(false) ? NOT_A_MESSAGE + "\n" : "";
        return junk + String.format("0840%08X0000000000000000", sent.incrementAndGet()) + "\n0840";
    }

    @Override
    public void close() throws IOException {
        channel.close();
        try {
            server.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
