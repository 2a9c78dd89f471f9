package blitz.netscanner.tests;

import java.util.ArrayList;
import java.util.List;

import blitz.model.source.LossEvent;
import blitz.model.source.MessageSink;

/** Records the lines and loss events a source delivers, in order. */
final class RecordingSink implements MessageSink {
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

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized int count() {
        return lines.size();
    }

    synchronized String last() {
        return lines.get(lines.size() - 1);
    }

    synchronized List<LossEvent> losses(LossEvent.Kind kind) {
        return losses.stream().filter(event -> event.kind() == kind).toList();
    }
}
