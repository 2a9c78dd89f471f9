// SPDX-License-Identifier: EPL-2.0
package blitz.logger;

import blitz.model.Notification;

/**
 * Whiteboard listener: register it as an OSGi service to hear of every runtime
 * {@link Notification} (sessions started and stopped, losses, sources, pre-flight warnings). Called
 * on the thread that caused the notification; must return quickly and should not throw (a thrown
 * exception is logged and ignored).
 */
@org.osgi.annotation.versioning.ConsumerType
public interface RuntimeListener {
    void notified(Notification notification);
}
