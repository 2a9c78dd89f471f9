package blitz.serial.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import blitz.model.source.SourceStatistics;

/** The counters behind {@link SourceStatistics} for one port. Thread-safe. */
final class PortCounters {
    final LongAdder messages = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder badLines = new LongAdder();
    final LongAdder gaps = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    private final Map<String, LongAdder> boardErrors = new ConcurrentHashMap<>();
    private volatile String lastError = "";

    void boardError(String code) {
        boardErrors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    void lastError(String error) {
        lastError = error;
    }

    String lastError() {
        return lastError;
    }

    SourceStatistics snapshot() {
        Map<String, Long> errors = new TreeMap<>();
        boardErrors.forEach((code, count) -> errors.put(code, count.sum()));
        return new SourceStatistics(messages.sum(), bytes.sum(), badLines.sum(), errors, gaps.sum(), reconnects.sum(),
                lastError);
    }
}
