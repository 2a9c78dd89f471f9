// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The device side of a NetScanner on a real loopback socket: commands arrive as bare ASCII (no
 * terminator, as the original host sent them); {@code A}, {@code B} and {@code v...} are answered
 * with {@code A}, {@code rFFFF0} with the 16 current values separated by spaces. Tests can change
 * the values, queue garbage replies, delay or stop the readings, hang up and refuse connections for a
 * while.
 */
final class FakeNetScanner implements AutoCloseable {
    private static final Set<String> COMMANDS = Set.of("A", "B", "v01101 6.894757", "rFFFF0");

    private final ServerSocket server;
    private final String terminator;
    private final Thread acceptor;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<List<String>> commandsByConnection = new CopyOnWriteArrayList<>();
    private final Deque<String> garbage = new ArrayDeque<>();
    private volatile double[] values = new double[16];
    private volatile boolean refusing;
    private volatile boolean silent;
    private volatile long readingDelayMs;
    private volatile int readingsSent;

    /** @param terminator appended to every reply: {@code "\r\n"}, or {@code ""} for unterminated replies */
    FakeNetScanner(String terminator) throws IOException {
        this.terminator = terminator;
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "fake-netscanner-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** @param channelValues the 16 values (kPa) the next readings carry, in the device's order */
    void values(double... channelValues) {
        if (channelValues.length != 16) {
            throw new IllegalArgumentException("16 values");
        }
        values = channelValues.clone();
    }

    /** Answers the next {@code rFFFF0} requests with these replies instead of a reading. */
    synchronized void garbage(String... replies) {
        garbage.addAll(List.of(replies));
    }

    /** Stops (or resumes) answering {@code rFFFF0}. */
    void silent(boolean on) {
        silent = on;
    }

    /** Answers each {@code rFFFF0} only after this long, as a scanner slow to take a reading. */
    void readingDelay(long millis) {
        readingDelayMs = millis;
    }

    /** While on, every new connection is accepted and closed at once. */
    void refusing(boolean on) {
        refusing = on;
    }

    /** Closes every open connection, as a device that was reset or unplugged. */
    void hangUp() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
    }

    int connections() {
        return commandsByConnection.size();
    }

    /** @return connections the host has open now (the ones closed at once while refusing not counted) */
    int openConnections() {
        return clients.size();
    }

    /** @return the commands received on the n-th accepted connection (0-based), in order */
    List<String> commands(int connection) {
        return List.copyOf(commandsByConnection.get(connection));
    }

    int readingsSent() {
        return readingsSent;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                List<String> commands = new CopyOnWriteArrayList<>();
                commandsByConnection.add(commands);
                if (refusing) {
                    client.close();
                    continue;
                }
                clients.add(client);
                Thread serving = new Thread(() -> serve(client, commands), "fake-netscanner-client");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Reads bytes until they spell a known command (the host waits for each reply), then answers it. */
    private void serve(Socket client, List<String> commands) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            StringBuilder pending = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                pending.append((char) b);
                String command = pending.toString();
                if (COMMANDS.contains(command)) {
                    pending.setLength(0);
                    commands.add(command);
                    String reply = reply(command);
                    if (reply != null && command.equals("rFFFF0") && readingDelayMs > 0) {
                        Thread.sleep(readingDelayMs);
                    }
                    if (reply != null) {
                        out.write((reply + terminator).getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                } else if (COMMANDS.stream().noneMatch(c -> c.startsWith(command))) {
                    commands.add("unknown: " + command);
                    pending.setLength(0);
                }
            }
        } catch (IOException e) {
            // hung up by the test or the host
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(client);
        }
    }

    private String reply(String command) {
        if (!command.equals("rFFFF0")) {
            return "A";
        }
        synchronized (this) {
            if (!garbage.isEmpty()) {
                return garbage.poll();
            }
        }
        if (silent) {
            return null;
        }
        readingsSent++;
        return reading(values);
    }

    /** @return the values as the device prints them: decimals separated by spaces */
    static String reading(double[] channelValues) {
        StringJoiner reply = new StringJoiner(" ");
        for (double value : channelValues) {
            reply.add(String.format(Locale.ROOT, "%.6f", value));
        }
        return reply.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        hangUp();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return values 0..15 of a recognisable pattern, including negative and fractional ones */
    static double[] pattern(double base) {
        double[] pattern = new double[16];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = base + i * 7.25 - 1.5;
        }
        return pattern;
    }
}
