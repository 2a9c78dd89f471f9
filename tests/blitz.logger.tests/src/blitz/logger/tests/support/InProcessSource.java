// SPDX-License-Identifier: EPL-2.0
package blitz.logger.tests.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import blitz.model.source.CommandResult;
import blitz.model.source.LossEvent;
import blitz.model.source.MessageSink;
import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.model.source.SourceStatistics;
import blitz.testing.Osgi;

/**
 * A message source driven by the test: lines it {@link #emit}s reach the sink at once; lines it
 * {@link #buffer}s wait "on the board" until {@link #stop()} drains them, as a serial board's buffer
 * does. Registered by the test as a {@link MessageSource} service.
 */
public final class InProcessSource implements MessageSource {
    private final String id;
    private final Set<Integer> boards;
    private final List<String> boardBuffer = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger stops = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private MessageSink sink;
    private volatile long drainMs;

    public InProcessSource(String id, Integer... boards) {
        this.id = id;
        this.boards = Set.of(boards);
    }

    /** @return a source registered as a service in {@code osgi}'s framework, once the runtime started it */
    public static InProcessSource attached(Osgi osgi, String id, Integer... boards) {
        InProcessSource source = new InProcessSource(id, boards);
        osgi.register(source);
        Osgi.eventually("source " + id + " started", source::started);
        return source;
    }

    /** Delivers lines now; returns false (nothing delivered) when the source is not started. */
    public synchronized boolean emit(String... lines) {
        if (sink == null) {
            return false;
        }
        for (String line : lines) {
            sink.onMessage(id, line);
            delivered.incrementAndGet();
        }
        return true;
    }

    /** Makes every later {@link #stop()} take this long, as a board slow to hand over its buffer. */
    public void drainTakes(long millis) {
        drainMs = millis;
    }

    /** Keeps lines on the "board" until the next {@link #stop()}. */
    public synchronized void buffer(String... lines) {
        boardBuffer.addAll(List.of(lines));
    }

    public synchronized void loss(LossEvent event) {
        if (sink != null) {
            sink.onLoss(id, event);
        }
    }

    public synchronized boolean started() {
        return sink != null;
    }

    public int starts() {
        return starts.get();
    }

    public int stops() {
        return stops.get();
    }

    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "in-process test source " + id;
    }

    @Override
    public synchronized void start(MessageSink newSink) {
        if (sink == null) {
            sink = newSink;
            starts.incrementAndGet();
        }
    }

    @Override
    public synchronized void stop() {
        if (sink == null) {
            return;
        }
        try {
            Thread.sleep(drainMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        emit(boardBuffer.toArray(String[]::new));
        boardBuffer.clear();
        sink = null;
        stops.incrementAndGet();
    }

    @Override
    public synchronized SourceState state() {
        return sink == null ? SourceState.STOPPED : SourceState.RUNNING;
    }

    @Override
    public Set<Integer> boardIds() {
        return boards;
    }

    @Override
    public synchronized CommandResult sendCommand(int boardId, String hexCommand) {
        if (!boards.contains(boardId)) {
            return CommandResult.failed("no board " + boardId);
        }
        commands.add(String.format(Locale.ROOT, "%02x%s", boardId, hexCommand));
        return hexCommand.startsWith("ff") ? CommandResult.failed(String.format(Locale.ROOT, "%02x65", boardId))
                : CommandResult.ack();
    }

    @Override
    public SourceStatistics statistics() {
        Map<String, Long> errors = new HashMap<>();
        return new SourceStatistics(delivered.get(), delivered.get() * 30, 0, errors, 0, 0, "");
    }

    /**
     * A Blitz Basic board (id 8 style) data line: 28 hex characters, type DATA, the given timestamp, the
     * first ADC channel set to {@code adc} (0..4095) and the other four zero.
     */
    public static String basicLine(int boardId, long timestampMs, int adc) {
        return String.format(Locale.ROOT, "%02xa0%08x%03x%013x", boardId, timestampMs, adc, 0);
    }
}
