// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import blitz.model.Category;
import blitz.model.Notification;
import blitz.model.Session;
import blitz.model.client.Bucket;
import blitz.model.client.ClientStore;
import blitz.model.client.TimeSpan;

/**
 * The client store calls the plot makes, answered from memory with no database: one session of one
 * variable whose readings span {@code [0, span)} ms, one bucket per column holding a reading (value =
 * the column's start), and a notification log. Every bucket query is recorded.
 */
final class FakeStore {
    static final long SESSION = 7;
    static final long CATEGORY = 3;

    /** One {@code buckets} call. */
    record Query(long from, long to, int width) {
    }

    final List<Query> queries = new ArrayList<>();
    final List<Notification> notifications = new ArrayList<>();
    /** Per notification read: the id it asked after. */
    final List<Long> notificationReads = new ArrayList<>();
    private final long span;

    FakeStore(long span) {
        this.span = span;
    }

    ClientStore store() {
        return (ClientStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { ClientStore.class },
                (proxy, method, args) -> switch (method.getName()) {
                case "all" -> List.of(new Session(1L, SESSION, true, 1_700_000_000_000L, 1_700_000_000_000L + span, 10));
                case "getSession" -> Optional.of(new Session(1L, SESSION, true, 1_700_000_000_000L,
                        1_700_000_000_000L + span - 1, 10));
                case "getSessionVariables" -> List.of(new Category(CATEGORY, "voltage"));
                case "sessionTimeRange" -> Optional.of(new TimeSpan(0, span - 1));
                case "find" -> List.of();
                case "buckets" -> buckets((Long) args[2], (Long) args[3], (Integer) args[4]);
                case "notificationsAfter" -> notificationsAfter((Long) args[0], (Integer) args[2]);
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private List<Bucket> buckets(long from, long to, int width) {
        queries.add(new Query(from, to, width));
        long column = (to - from) / width;
        List<Bucket> answer = new ArrayList<>();
        for (long start = from; start < Math.min(to, span); start += column) {
            answer.add(new Bucket(start, start + column, 1, start, start, start, start, start, start));
        }
        return answer;
    }

    private List<Notification> notificationsAfter(long after, int limit) {
        notificationReads.add(after);
        return notifications.stream().filter(n -> n.id() > after).limit(limit).toList();
    }

    void log(long id, long time, String description) {
        notifications.add(new Notification(id, time, Notification.INFO, description));
    }

}
