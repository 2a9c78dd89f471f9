// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import blitz.model.Notification;

/** The last notifications, numbered from 1. Thread-safe. */
final class NotificationRing {
    private final int capacity;
    private final Deque<Notification> kept = new ArrayDeque<>();
    private long lastId;

    NotificationRing(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    synchronized Notification add(long timeMs, int severity, String description) {
        Notification notification = new Notification(++lastId, timeMs, severity, description);
        kept.addLast(notification);
        if (kept.size() > capacity) {
            kept.removeFirst();
        }
        return notification;
    }

    synchronized List<Notification> after(long afterId) {
        List<Notification> newer = new ArrayList<>();
        for (Notification notification : kept) {
            if (notification.id() > afterId) {
                newer.add(notification);
            }
        }
        return newer;
    }
}
