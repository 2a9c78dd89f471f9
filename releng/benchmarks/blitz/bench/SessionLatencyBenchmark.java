// SPDX-License-Identifier: EPL-2.0
package blitz.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import blitz.client.store.internal.DerbyDatabase;
import blitz.client.store.internal.JpaClientStore;
import blitz.model.client.ReadingBatch;

/**
 * START/STOP latency of the runtime product (run by run-session-latency.sh, which starts it with a
 * simulated board): {@code sessions} sessions in a row, each START and STOP through the logger protocol
 * from its own client, timed from the request until the reply; meanwhile a second client downloads
 * the first session again and again (DOWNLOAD, then ACK until NACK) and a thread runs whole-session
 * bucket queries (the plot's) on a client store in this JVM. Prints p50/p99/max of each.
 *
 * <p>Arguments: port, sessions, milliseconds a session runs, a folder for the client store.
 */
public final class SessionLatencyBenchmark {
    private static final int PLOT_READINGS = 200_000;
    private static final int PLOT_VARIABLES = 4;
    private static final int REPLY_TIMEOUT_MS = 120_000;

    private SessionLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = "tcp://127.0.0.1:" + Integer.parseInt(args[0]);
        int sessions = Integer.parseInt(args[1]);
        long sessionMs = Long.parseLong(args[2]);
        Path storeFolder = Path.of(args[3]);
        try (ZContext context = new ZContext()) {
            ZMQ.Socket control = client(context, endpoint);
            // a session to download while the others start and stop
            expect(request(control, "START"), "ACK");
            Thread.sleep(5_000);
            expect(request(control, "STOP"), "ACK");
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong downloaded = new AtomicLong();
            AtomicLong plots = new AtomicLong();
            Thread download = new Thread(() -> download(context, endpoint, running, downloaded), "download");
            JpaClientStore store = plotStore(storeFolder);
            Thread plot = new Thread(() -> plot(store, running, plots), "plot");
            download.start();
            plot.start();
            double[] start = new double[sessions];
            double[] stop = new double[sessions];
            try {
                for (int i = 0; i < sessions; i++) {
                    long begin = System.nanoTime();
                    String reply = request(control, "START");
                    start[i] = (System.nanoTime() - begin) / 1e6;
                    expect(reply, "ACK");
                    Thread.sleep(sessionMs);
                    begin = System.nanoTime();
                    reply = request(control, "STOP");
                    stop[i] = (System.nanoTime() - begin) / 1e6;
                    expect(reply, "ACK");
                    if (start[i] > 1_000 || stop[i] > 1_000) {
                        System.out.printf(Locale.ROOT, "session %d: START %.0f ms, STOP %.0f ms%n", i + 1, start[i],
                                stop[i]);
                    }
                }
            } finally {
                running.set(false);
                download.join();
                plot.join();
                store.close();
            }
            System.out.printf(Locale.ROOT, "%d sessions of %d ms; meanwhile %d messages downloaded, %d plot queries%n",
                    sessions, sessionMs, downloaded.get(), plots.get());
            report("start", start);
            report("stop", stop);
        }
    }

    private static ZMQ.Socket client(ZContext context, String endpoint) {
        ZMQ.Socket socket = context.createSocket(SocketType.REQ);
        socket.setReceiveTimeOut(REPLY_TIMEOUT_MS);
        socket.setLinger(0);
        socket.connect(endpoint);
        return socket;
    }

    private static String request(ZMQ.Socket socket, String request) {
        socket.send(request);
        StringBuilder reply = new StringBuilder();
        do {
            String frame = socket.recvStr();
            if (frame == null) {
                throw new IllegalStateException("no reply to " + request + " within " + REPLY_TIMEOUT_MS + " ms");
            }
            reply.append(frame);
        } while (socket.hasReceiveMore());
        return reply.toString();
    }

    private static void expect(String reply, String expected) {
        if (!reply.equals(expected)) {
            throw new IllegalStateException("expected " + expected + ", got " + reply);
        }
    }

    /** Downloads session 1 again and again, chunk by chunk, until told to stop. */
    private static void download(ZContext context, String endpoint, AtomicBoolean running, AtomicLong messages) {
        ZMQ.Socket socket = client(context, endpoint);
        while (running.get()) {
            String reply = request(socket, "DOWNLOAD 1");
            while (true) {
                String[] lines = reply.split("\n");
                messages.addAndGet(lines.length - 1);
                if (!lines[lines.length - 1].equals("ACK") || !running.get()) {
                    break;
                }
                reply = request(socket, "ACK");
            }
            if (reply.endsWith("\nACK")) {
                request(socket, "RESET");
            }
        }
    }

    private static JpaClientStore plotStore(Path folder) {
        JpaClientStore store = new JpaClientStore(DerbyDatabase.of(folder.toString()));
        if (store.sessionTimeRange(1).isEmpty()) {
            ReadingBatch batch = new ReadingBatch(10_000);
            for (long start = 0; start < PLOT_READINGS; start += 10_000) {
                batch.clear();
                for (long i = start; i < start + 10_000; i++) {
                    batch.add(i / PLOT_VARIABLES * 10, 1 + i % PLOT_VARIABLES, Math.sin(i * 1e-5));
                }
                store.addReadings(1, batch);
            }
        }
        return store;
    }

    /** The plot's whole-session query of each variable in turn, until told to stop. */
    private static void plot(JpaClientStore store, AtomicBoolean running, AtomicLong queries) {
        long end = store.sessionTimeRange(1).orElseThrow().last() + 1;
        for (int variable = 0; running.get(); variable = (variable + 1) % PLOT_VARIABLES) {
            store.buckets(1, 1 + variable, 0, end, 1000);
            queries.incrementAndGet();
        }
    }

    private static void report(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double p50 = sorted[(sorted.length - 1) / 2];
        double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
        double max = sorted[sorted.length - 1];
        List<String> slow = new ArrayList<>();
        for (double value : ms) {
            if (value > 1_000) {
                slow.add(String.format(Locale.ROOT, "%.0f", value));
            }
        }
        System.out.printf(Locale.ROOT, "%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms; over 1 s: %s%n", what, p50, p99,
                max, slow);
        System.out.printf(Locale.ROOT, "RESULT session.%s.p50 %.1f ms%n", what, p50);
        System.out.printf(Locale.ROOT, "RESULT session.%s.p99 %.1f ms%n", what, p99);
        System.out.printf(Locale.ROOT, "RESULT session.%s.max %.1f ms%n", what, max);
    }
}
