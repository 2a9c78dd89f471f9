// SPDX-License-Identifier: EPL-2.0
package blitz.logger.perf;

import static blitz.logger.tests.support.InProcessSource.basicLine;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

import blitz.logger.LoggingRuntime;
import blitz.logger.tests.support.InProcessSource;
import blitz.model.server.ServerStore;
import blitz.model.source.MessageSource;
import blitz.testing.Osgi;

/**
 * Runtime ingest benchmark (not run by verify; see docs/performance.md "Runtime ingest"): lines from
 * an in-process source through the runtime (decode, live cache, store queue) into the highest-ranked
 * store, and the heap after every million messages.
 */
class RuntimeIngestBenchmark {
    private static final int MESSAGES = Integer.getInteger("blitz.bench.messages", 2_000_000);

    @Test
    void ingest() throws Exception {
        LoggingRuntime runtime = Osgi.await(LoggingRuntime.class);
        ServerStore store = Osgi.await(ServerStore.class);
        InProcessSource source = new InProcessSource("bench", 0x08);
        ServiceRegistration<MessageSource> registration = new Osgi().register(source);
        Osgi.eventually("started", source::started);
        String[] lines = new String[4096];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = basicLine(0x08, i, i);
        }
        List<String> report = new ArrayList<>();
        try {
            runtime.startSession();
            long session = runtime.currentSession().orElseThrow();
            long start = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                source.emit(lines[i & 4095]);
                if ((i + 1) % 1_000_000 == 0) {
                    report.add(String.format("after %d M: heap used %d MB", (i + 1) / 1_000_000, usedHeapMb()));
                }
            }
            long accepted = System.nanoTime();
            runtime.stopSession(); // waits until everything accepted is stored
            long storedNs = System.nanoTime() - start;
            long count = store.messageCount(session);
            report.add(String.format("store %s: %d messages, accepted at %.0f msg/s, stored at %.0f msg/s",
                    store.getClass().getSimpleName(), count, MESSAGES / ((accepted - start) / 1e9),
                    MESSAGES / (storedNs / 1e9)));
            runtime.deleteSession(session);
        } finally {
            registration.unregister();
        }
        report.forEach(System.out::println);
    }

    private static long usedHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
