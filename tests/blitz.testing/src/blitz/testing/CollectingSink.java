// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import blitz.model.source.LossEvent;
import blitz.model.source.MessageSink;

/** Keeps every line and loss event a message source delivers, in order: the sink of source tests. */
public final class CollectingSink implements MessageSink {
    private final List<String> lines = new ArrayList<>();
    private final List<LossEvent> losses = new ArrayList<>();

    @Override
    public synchronized void onMessage(String sourceId, String line) {
        lines.add(line);
    }

    @Override
    public synchronized void onLoss(String sourceId, LossEvent event) {
        losses.add(event);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized int lineCount() {
        return lines.size();
    }

    public synchronized String last() {
        return lines.get(lines.size() - 1);
    }

    public synchronized List<LossEvent> losses(LossEvent.Kind kind) {
        return losses.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Waits until {@code condition} holds; fails the test with {@code what} after {@code timeoutMs}. */
    public static void await(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
