// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.logger.RuntimeListener;
import blitz.model.Notification;

/** Numbers the runtime's notifications, keeps the last ones and passes each to every listener. Thread-safe. */
final class RuntimeNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeNotifier.class);

    private final NotificationRing kept;
    private final List<RuntimeListener> listeners = new CopyOnWriteArrayList<>();

    RuntimeNotifier(int capacity) {
        this.kept = new NotificationRing(capacity);
    }

    void addListener(RuntimeListener listener) {
        listeners.add(listener);
    }

    void removeListener(RuntimeListener listener) {
        listeners.remove(listener);
    }

    /** Keeps a notification and tells every listener; a failing listener is logged, not the caller's problem. */
    void notify(int severity, String description) {
        Notification notification = kept.add(System.currentTimeMillis(), severity, description);
        for (RuntimeListener listener : listeners) {
            try {
                listener.notified(notification);
            } catch (RuntimeException e) {
                LOG.error("Runtime listener {} failed", listener.getClass().getName(), e);
            }
        }
    }

    List<Notification> after(long afterId) {
        return kept.after(afterId);
    }
}
