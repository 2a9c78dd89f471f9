package blitz.serial.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

import blitz.codec.LineSplitter;

/**
 * Test fixture: board 08 on the far end of a pty that answers the ID request, START, TRANSMIT
 * (with no data) and STOP with their short replies while {@link #answering(boolean) answering},
 * and reads but ignores everything while not: a board that hangs.
 */
final class MutableBoard implements AutoCloseable {
    private final FileChannel channel;
    private final Thread server;
    private final AtomicInteger stops = new AtomicInteger();
    private volatile boolean answering = true;

    MutableBoard(Path device) throws IOException {
        channel = FileChannel.open(device, StandardOpenOption.READ, StandardOpenOption.WRITE);
        server = new Thread(this::serve, "mutable-board-" + device);
        server.setDaemon(true);
        server.start();
    }

    void answering(boolean answers) {
        answering = answers;
    }

    /** @return STOP commands answered */
    int stops() {
        return stops.get();
    }

    private void serve() {
        LineSplitter splitter = new LineSplitter(256, this::reply);
        ByteBuffer in = ByteBuffer.allocate(1024);
        try {
            while (channel.read(in.clear()) >= 0) {
                splitter.feed(in.flip());
            }
        } catch (IOException e) {
            // closed by close()
        }
    }

    private void reply(String line) {
        if (!answering || line.length() != 4) {
            return;
        }
        String answer = switch (line) {
            case "0081" -> "0882";
            case "0800", "08C0" -> "0840";
            case "0820" -> {
                stops.incrementAndGet();
                yield "0840";
            }
            default -> "";
        };
        if (!answer.isEmpty()) {
            try {
                channel.write(ByteBuffer.wrap((answer + "\n").getBytes(StandardCharsets.ISO_8859_1)));
            } catch (IOException e) {
                // closed by close()
            }
        }
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
