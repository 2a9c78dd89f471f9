// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import blitz.model.Category;
import blitz.model.Session;
import blitz.model.client.Bucket;
import blitz.model.client.SeriesQueries;
import blitz.model.client.SessionCatalog;
import blitz.model.client.TimeSpan;

/**
 * How many readings the store holds for each downloaded session: the runtime counts a session's
 * messages, a download decodes each message into several readings. One whole-session bucket per
 * variable (the store keeps counts per tile, so this never reads the readings).
 */
final class SessionReadings {
    private SessionReadings() {
    }

    /** @return the readings per downloaded session's id; none when the store cannot count them */
    static Map<Long, Long> count(SessionCatalog store, List<Session> sessions) {
        Map<Long, Long> readings = new HashMap<>();
        if (store instanceof SeriesQueries series) {
            for (Session session : sessions) {
                TimeSpan span = session.available() ? series.sessionTimeRange(session.refId()).orElse(null) : null;
                if (span != null) {
                    long count = 0;
                    for (Category variable : series.getSessionVariables(session.refId())) {
                        count += series.buckets(session.refId(), variable.id(), span.first(), span.last() + 1, 1).stream()
                                .mapToLong(Bucket::count).sum();
                    }
                    readings.put(session.refId(), count);
                }
            }
        }
        return readings;
    }
}
