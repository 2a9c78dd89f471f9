// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests.kit;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A device in memory for the conformance kit's own tests: it answers each request with one data
 * message after {@value #LATENCY_MS} ms, and can stay silent, refuse connections, go away and send a
 * line that is not a message. A waiting call gives up when its caller says so (a stop).
 */
final class MemoryDevice {
    static final long LATENCY_MS = 20;
    static final String NOT_A_MESSAGE = "not a message";

    private final AtomicInteger readers = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean garbage = new AtomicBoolean();
    private volatile boolean inFlight;
    private volatile boolean answering = true;
    private volatile boolean accepting = true;
    private volatile boolean plugged = true;

    void answering(boolean on) {
        answering = on;
    }

    /** While off, a connect waits (a connection the network never completes). */
    void accepting(boolean on) {
        accepting = on;
    }

    void plugged(boolean on) {
        plugged = on;
    }

    void sendGarbage() {
        garbage.set(true);
    }

    /** @return whether a request is being answered now */
    boolean inFlight() {
        return inFlight;
    }

    int readers() {
        return readers.get();
    }

    long sent() {
        return sent.get();
    }

    /** Waits while the device accepts nothing, unless {@code giveUp}; counts a reader. */
    void connect(BooleanSupplier giveUp) throws IOException, InterruptedException {
        while (!accepting && !giveUp.getAsBoolean()) {
            Thread.sleep(5);
        }
        if (!plugged || !accepting) {
            throw new IOException(plugged ? "connect given up" : "device unplugged");
        }
        readers.incrementAndGet();
    }

    void disconnect() {
        readers.decrementAndGet();
    }

    /**
     * @return the next data message, a line that is not one, or null when the device stayed silent until {@code giveUp}
     * @throws IOException when the device went away
     */
    String request(BooleanSupplier giveUp) throws IOException, InterruptedException {
        inFlight = true;
        try {
            Thread.sleep(LATENCY_MS);
            while (!answering && !giveUp.getAsBoolean()) {
                Thread.sleep(5);
            }
        } finally {
            inFlight = false;
        }
        if (!plugged) {
            throw new IOException("device unplugged");
        }
        if (!answering) {
            return null;
        }
        if (garbage.getAndSet(false)) {
            return NOT_A_MESSAGE;
        }
        return String.format("0840%08X0000000000000000", sent.incrementAndGet());
    }
}
