// SPDX-License-Identifier: EPL-2.0
package blitz.logger.tests.support;

import static blitz.logger.tests.support.InProcessSource.basicLine;
import static blitz.testing.Osgi.eventually;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.ServiceRegistration;

import blitz.logger.LoggingRuntime;
import blitz.model.server.StoreUnavailableException;
import blitz.model.source.MessageSource;
import blitz.testing.Osgi;

/**
 * A stored session recorded by the running logging runtime: board 8 messages with the sequence
 * numbers 0, 1, 2, ... sent by an {@link InProcessSource} registered only while it records.
 *
 * @param id the session's id
 * @param lines the messages sent, in order
 */
public record RecordedSession(long id, List<String> lines) {

    /** Stops a running session, records a new one of {@code messages} board 8 messages and stops it. */
    public static RecordedSession record(Osgi osgi, String sourceId, int messages) throws StoreUnavailableException {
        LoggingRuntime runtime = Osgi.await(LoggingRuntime.class);
        runtime.stopSession();
        InProcessSource source = new InProcessSource(sourceId, 0x08);
        ServiceRegistration<MessageSource> registration = osgi.register(source);
        try {
            eventually("source " + sourceId + " started", source::started);
            runtime.startSession();
            long session = runtime.currentSession().orElseThrow();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                sent.add(basicLine(0x08, i, i));
            }
            sent.forEach(source::emit);
            runtime.stopSession();
            return new RecordedSession(session, List.copyOf(sent));
        } finally {
            registration.unregister();
        }
    }
}
