// SPDX-License-Identifier: EPL-2.0
package blitz.source.conformance;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import blitz.model.source.LossEvent;
import blitz.model.source.MessageSource;
import blitz.model.source.SourceState;
import blitz.testing.CollectingSink;

/**
 * The rules of the {@link MessageSource} contract as checks on a {@link SourceDevice}.
 * {@link MessageSourceConformance} runs them all; they are public so that a test can run one on its
 * own. Each throws an {@link AssertionError} that names the rule it found broken; the stop checks
 * return how long the stop took.
 */
public final class SourceConformanceChecks {
    /** How long a source may take to connect, deliver or recover in a check. */
    public static final long PATIENCE_MS = 15_000;
    /** What a stop may take beyond its documented bound: the scheduler's and the test's own delays. */
    public static final long SLACK_MS = 250;
    /** How long a device stays silent before the stop, so that the source is waiting for it. */
    private static final long SILENCE_BEFORE_STOP_MS = 1000;
    /** How long the kit watches for a second reader or a late delivery. */
    private static final long WATCH_MS = 300;

    private SourceConformanceChecks() {
    }

    /** A device that stops answering costs a stop at most its bound, is reported, and is read again after a restart. */
    public static long checkStopOfSilentDevice(SourceDevice device) throws Exception {
        SourceCheck check = SourceCheck.STOP_OF_SILENT_DEVICE;
        MessageSource source = device.source();
        startAndAwaitRunning(check, source);

        device.answering(false);
        Thread.sleep(SILENCE_BEFORE_STOP_MS);
        String errorBefore = source.statistics().lastError();
        long stopMs = boundedStop(check, device);
        String error = source.statistics().lastError();
        require(check, !error.isEmpty() && !error.equals(errorBefore),
                "a drain cut short by a silent device must become the last error; it is \"" + error + "\"");

        CollectingSink next = new CollectingSink();
        source.start(next);
        device.answering(true);
        awaitOneReader(check, device, next, 1, "after the restart");
        boundedStop(check, device);
        return stopMs;
    }

    /**
     * A sink that holds the worker up costs a stop at most its bound; the held run delivers nothing
     * after stop() returned, and the next start does not read the device until the held run let go.
     */
    public static long checkStopWithHeldSink(SourceDevice device) throws Exception {
        SourceCheck check = SourceCheck.STOP_WITH_HELD_SINK;
        MessageSource source = device.source();
        HoldingSink held = new HoldingSink();
        source.start(held);
        await(check, "a first message in the sink", held::entered);

        long stopMs = boundedStop(check, device);
        require(check, !source.statistics().lastError().isEmpty(), "a stop that left its worker behind must become the last error");

        CollectingSink next = new CollectingSink();
        source.start(next);
        watch(check, WATCH_MS, () -> device.readers() <= 1 && next.lineCount() == 0,
                "the next start read the device while the held run still had it");
        held.release();
        awaitOneReader(check, device, next, 3, "to the next sink");
        require(check, held.messages() == 1, "the held sink got " + held.messages() + " messages, 1 before its stop returned");
        source.stop();
        return stopMs;
    }

    /** A stop while the source is connecting (the device never completes the connection) is bounded. */
    public static long checkStopWhileConnecting(SourceDevice device) throws Exception {
        SourceCheck check = SourceCheck.STOP_WHILE_CONNECTING;
        MessageSource source = device.source();
        source.start(new CollectingSink());
        Thread.sleep(SILENCE_BEFORE_STOP_MS / 2);
        require(check, source.state() == SourceState.CONNECTING,
                "the source should still be connecting to a device that does not answer, state " + source.state());
        return boundedStop(check, device);
    }

    /** A stop delivers every message the device sent before it, and nothing after it returned. */
    public static long checkStopDrains(SourceDevice device) throws Exception {
        SourceCheck check = SourceCheck.STOP_DRAINS;
        CollectingSink sink = startAndAwaitAMessage(check, device.source());
        device.awaitRequestInFlight();

        long stopMs = boundedStop(check, device);
        int delivered = sink.lineCount();
        require(check, delivered == device.sent(), "the device sent " + device.sent() + " messages before the stop, "
                + delivered + " were delivered");
        watch(check, WATCH_MS, () -> sink.lineCount() == delivered, "a message was delivered after stop() returned");
        return stopMs;
    }

    /** Starts right after stops never have two readers on the device, and the last start reads it. */
    public static void checkOneReader(SourceDevice device) throws Exception {
        SourceCheck check = SourceCheck.ONE_READER;
        MessageSource source = device.source();
        CollectingSink sink = startAndAwaitRunning(check, source);
        for (int i = 0; i < 3; i++) {
            source.stop();
            CollectingSink stopped = sink;
            int stoppedAt = stopped.lineCount();
            sink = new CollectingSink();
            source.start(sink);
            watch(check, WATCH_MS, () -> device.readers() <= 1, "two readers on the device after a start right after a stop");
            awaitOneReader(check, device, sink, 1, "after the restart");
            require(check, stopped.lineCount() == stoppedAt, "a stopped run delivered after stop() returned");
        }
        source.stop();
        require(check, source.state() == SourceState.STOPPED, "state after stop() is " + source.state());
    }

    /** Bad lines are reported as BAD_LINE and counted; an outage is reported as one RECONNECT_GAP and counted. */
    public static void checkLossesReported(SourceDevice device) throws Exception {
        SourceCheck check = SourceCheck.LOSSES_REPORTED;
        MessageSource source = device.source();
        CollectingSink sink = startAndAwaitAMessage(check, source);
        if (device.sendGarbage()) {
            await(check, "a BAD_LINE loss event", () -> !sink.losses(LossEvent.Kind.BAD_LINE).isEmpty());
            require(check, source.statistics().badLines() > 0, "a bad line must be counted in statistics().badLines()");
        }
        device.unplug();
        await(check, "the source to notice the device went away", () -> source.state() != SourceState.RUNNING);
        device.replug();
        await(check, "a RECONNECT_GAP loss event", () -> !sink.losses(LossEvent.Kind.RECONNECT_GAP).isEmpty());
        require(check, sink.losses(LossEvent.Kind.RECONNECT_GAP).size() == 1,
                "one outage, " + sink.losses(LossEvent.Kind.RECONNECT_GAP).size() + " RECONNECT_GAP events");
        require(check, source.statistics().gaps() > 0, "an outage must be counted in statistics().gaps()");
        source.stop();
    }

    /** A device that goes away and comes back is read again by the same run, on one reader. */
    public static void checkReconnect(SourceDevice device) throws Exception {
        SourceCheck check = SourceCheck.RECONNECT;
        MessageSource source = device.source();
        CollectingSink sink = startAndAwaitAMessage(check, source);
        device.unplug();
        awaitState(check, source, SourceState.RECONNECTING);
        device.replug();
        int before = sink.lineCount();
        awaitOneReader(check, device, sink, before + 1, "after the device came back");
        require(check, source.statistics().reconnects() > 0, "a reconnect must be counted in statistics().reconnects()");
        source.stop();
    }

    /**
     * Runs one check on {@code device}.
     *
     * @return how long the stop took, for the stop checks
     */
    public static OptionalLong run(SourceCheck check, SourceDevice device) throws Exception {
        return switch (check) {
            case STOP_OF_SILENT_DEVICE -> OptionalLong.of(checkStopOfSilentDevice(device));
            case STOP_WITH_HELD_SINK -> OptionalLong.of(checkStopWithHeldSink(device));
            case STOP_WHILE_CONNECTING -> OptionalLong.of(checkStopWhileConnecting(device));
            case STOP_DRAINS -> OptionalLong.of(checkStopDrains(device));
            case ONE_READER -> unbounded(() -> checkOneReader(device));
            case LOSSES_REPORTED -> unbounded(() -> checkLossesReported(device));
            case RECONNECT -> unbounded(() -> checkReconnect(device));
        };
    }

    private static OptionalLong unbounded(Step check) throws Exception {
        check.run();
        return OptionalLong.empty();
    }

    private static CollectingSink startAndAwaitRunning(SourceCheck check, MessageSource source) throws Exception {
        CollectingSink sink = new CollectingSink();
        source.start(sink);
        awaitState(check, source, SourceState.RUNNING);
        return sink;
    }

    private static CollectingSink startAndAwaitAMessage(SourceCheck check, MessageSource source) throws Exception {
        CollectingSink sink = new CollectingSink();
        source.start(sink);
        await(check, "a first message", () -> sink.lineCount() > 0);
        return sink;
    }

    /** Waits for the source to run and {@code sink} to hold {@code lines} messages, then requires one reader on the device. */
    private static void awaitOneReader(SourceCheck check, SourceDevice device, CollectingSink sink, int lines, String when)
            throws Exception {
        awaitState(check, device.source(), SourceState.RUNNING);
        await(check, "messages " + when, () -> sink.lineCount() >= lines);
        require(check, device.readers() == 1, device.readers() + " readers on the device " + when);
    }

    /** Stops the source, requires the stop to keep its bound and leave the source stopped. @return how long it took */
    private static long boundedStop(SourceCheck check, SourceDevice device) {
        MessageSource source = device.source();
        long stopMs = timed(source::stop);
        checkBound(check, device, stopMs);
        require(check, source.state() == SourceState.STOPPED, "state after stop() is " + source.state());
        return stopMs;
    }

    private static void checkBound(SourceCheck check, SourceDevice device, long stopMs) {
        require(check, stopMs <= device.stopBoundMs() + SLACK_MS,
                "stop() took " + stopMs + " ms, the bound is " + device.stopBoundMs() + " ms (+ " + SLACK_MS + " ms slack)");
    }

    private static void require(SourceCheck check, boolean holds, String what) {
        if (!holds) {
            throw new AssertionError("MessageSource rule '" + check.rule() + "' broken: " + what);
        }
    }

    private static void awaitState(SourceCheck check, MessageSource source, SourceState state) throws Exception {
        await(check, "state " + state + " (it is " + source.state() + ")", () -> source.state() == state);
    }

    /** Waits up to {@link #PATIENCE_MS} for {@code condition}. */
    private static void await(SourceCheck check, String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MS);
        while (!condition.holds()) {
            require(check, System.nanoTime() < deadline, "no " + what + " within " + PATIENCE_MS + " ms");
            Thread.sleep(20);
        }
    }

    /** Requires {@code condition} to hold all the time for {@code millis}. */
    private static void watch(SourceCheck check, long millis, Condition condition, String broken) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        do {
            require(check, condition.holds(), broken);
            Thread.sleep(10);
        } while (System.nanoTime() < end);
    }

    private static long timed(Runnable action) {
        long began = System.nanoTime();
        action.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** A condition that may throw (a device asked how many readers it has). */
    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }
}
