// SPDX-License-Identifier: EPL-2.0
package blitz.source.support;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import blitz.model.source.SourceStatistics;

/** The counters behind a source's {@link SourceStatistics}, counted since the source was created. Thread-safe. */
public final class SourceCounters {
    private final LongAdder messages = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder badLines = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final Map<String, LongAdder> boardErrors = new ConcurrentHashMap<>();
    private volatile String lastError = "";

    public void message() {
        messages.increment();
    }

    public void bytes(long count) {
        bytes.add(count);
    }

    public void badLine() {
        badLines.increment();
    }

    public void gap() {
        gaps.increment();
    }

    public void reconnect() {
        reconnects.increment();
    }

    /** @param code the board's error code in hex, e.g. {@code "62"} */
    public void boardError(String code) {
        boardErrors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** Keeps the last problem seen; it stays after recovery, for the operator. */
    public void lastError(String error) {
        lastError = error;
    }

    public String lastError() {
        return lastError;
    }

    public SourceStatistics snapshot() {
        Map<String, Long> errors = new TreeMap<>();
        boardErrors.forEach((code, count) -> errors.put(code, count.sum()));
        return new SourceStatistics(messages.sum(), bytes.sum(), badLines.sum(), errors, gaps.sum(), reconnects.sum(),
                lastError);
    }
}
