// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.protocol.wire.ErrorCode;

/**
 * Answers the clients' requests on a small pool of workers, so that one client's long work (a download
 * chunk or a digest read from the store, a START that drains the sources) never stalls another's reply.
 * The socket thread hands requests in ({@link #accept}) and sends what comes out ({@link #finish});
 * only it touches the socket. Each client's requests are answered one at a time, in order: a request
 * that arrives while the client's previous one is in work waits for it (at most
 * {@value #WAITING_PER_CLIENT}; only a DEALER client can send more, and the excess is dropped). At most
 * {@code capacity} requests are in work at once; beyond that a client gets {@code ERROR 9} at once.
 * The guard's checks run on the socket thread, when the request's turn comes.
 */
final class RequestScheduler implements AutoCloseable {
    /** Requests of one client kept while its previous one is in work. */
    static final int WAITING_PER_CLIENT = 8;
    private static final Logger LOG = LoggerFactory.getLogger(RequestScheduler.class);
    private static final ByteBuffer WAKE = ByteBuffer.allocate(1).asReadOnlyBuffer();

    /** One client's request as read from the socket, with what its reply needs to find the client. */
    record ClientRequest(byte[] identity, boolean envelope, String clientId, String host, byte[] body) {
    }

    /** A reply and the request it answers. */
    record ClientReply(ClientRequest request, String reply) {
    }

    private final RequestGuard guard;
    private final int capacity;
    private final ExecutorService workers;
    private final Queue<ClientReply> done = new ConcurrentLinkedQueue<>();
    /** Written by a worker when a reply is done, so that the socket thread's poll wakes up. */
    private final Pipe wake;
    /** Clients with a request in work, each with the requests waiting behind it; the socket thread's. */
    private final Map<String, Deque<ClientRequest>> inWork = new HashMap<>();
    private int working;
    private final AtomicLong busy = new AtomicLong();
    private long dropped;

    /**
     * @param threads  workers answering at once
     * @param capacity requests in work (answered or queued for a worker) at most
     */
    RequestScheduler(RequestGuard guard, int threads, int capacity) throws IOException {
        this.guard = guard;
        this.capacity = Math.max(1, capacity);
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread thread = new Thread(task, "blitz-protocol-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.wake = Pipe.open();
        wake.source().configureBlocking(false);
        wake.sink().configureBlocking(false);
    }

    /** @return the channel that becomes readable when replies are done: poll it with the socket */
    SelectableChannel doneSignal() {
        return wake.source();
    }

    /** @return whether a client has a request in work now */
    boolean isInWork(String clientId) {
        return inWork.containsKey(clientId);
    }

    /** @return requests answered {@code ERROR 9} because the workers were full (any thread) */
    long busyCount() {
        return busy.get();
    }

    /**
     * Takes a request from the socket: it is answered now (refused, or busy), later by a worker, or it
     * waits for the client's previous request.
     *
     * @param send sends a reply to its client (on the socket thread)
     */
    void accept(ClientRequest request, Consumer<ClientReply> send) {
        Deque<ClientRequest> waiting = inWork.get(request.clientId());
        if (waiting == null) {
            if (start(request, send)) {
                inWork.put(request.clientId(), new ArrayDeque<>());
            }
        } else if (waiting.size() < WAITING_PER_CLIENT) {
            waiting.add(request);
        } else {
            dropped++;
            LOG.debug("Logger protocol: client {} sent more than {} requests without waiting for replies; {} dropped"
                    + " so far", request.clientId(), WAITING_PER_CLIENT, dropped);
        }
    }

    /** Sends the replies the workers have done, and starts each of those clients' next request. */
    void finish(Consumer<ClientReply> send) {
        drainWakeSignals();
        ClientReply reply;
        while ((reply = done.poll()) != null) {
            working--;
            send.accept(reply);
            String clientId = reply.request().clientId();
            Deque<ClientRequest> waiting = inWork.remove(clientId);
            while (waiting != null && !waiting.isEmpty()) {
                if (start(waiting.poll(), send)) {
                    inWork.put(clientId, waiting);
                    break;
                }
            }
        }
    }

    /** @return whether the request went to a worker (else it is answered already) */
    private boolean start(ClientRequest request, Consumer<ClientReply> send) {
        RequestGuard.Admission admission = guard.admit(request.body(), request.host());
        if (!admission.admitted()) {
            send.accept(new ClientReply(request, admission.refusal()));
            return false;
        }
        if (working >= capacity) {
            busy.incrementAndGet();
            send.accept(new ClientReply(request, ErrorCode.BUSY.reply("server busy: " + working
                    + " requests in work; retry later")));
            return false;
        }
        working++;
        workers.execute(() -> answer(request, admission.request()));
        return true;
    }

    /** On a worker: answers, then hands the reply to the socket thread. */
    private void answer(ClientRequest request, String admitted) {
        String reply = ErrorCode.FAILED.reply("the request was not answered");
        try {
            reply = guard.handle(request.clientId(), admitted);
        } finally {
            done.add(new ClientReply(request, reply));
            signalDone();
        }
    }

    private void signalDone() {
        try {
            wake.sink().write(WAKE.duplicate()); // a full pipe already holds a signal: nothing written is fine
        } catch (IOException e) {
            LOG.debug("Logger protocol: cannot wake the socket thread ({}); it finds the reply at its next poll",
                    e.getMessage());
        }
    }

    private void drainWakeSignals() {
        ByteBuffer signals = ByteBuffer.allocate(256);
        try {
            while (wake.source().read(signals) > 0) {
                signals.clear();
            }
        } catch (IOException e) {
            LOG.debug("Logger protocol: cannot read the workers' signals: {}", e.getMessage());
        }
    }

    /** Stops the workers (a request in work is interrupted) and closes the signal pipe. */
    @Override
    public void close() throws InterruptedException, IOException {
        workers.shutdownNow();
        if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("Logger protocol: a worker did not stop within 5 s");
        }
        wake.sink().close();
        wake.source().close();
    }
}
