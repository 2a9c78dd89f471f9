// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import org.eclipse.e4.ui.workbench.UIEvents;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.condition.Condition;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import blitz.model.client.ClientStore;

/**
 * Tells the core bundles that the workbench's main window is up: on E4's startup-complete event it
 * registers the OSGi {@link Condition} {@value ClientStore#WORKBENCH_STARTED_CONDITION}. The client
 * store waits for it before it opens its database (when the launch script asks it to), so the
 * seconds of opening do not delay the window; the store itself knows nothing of E4.
 */
@Component(property = EventConstants.EVENT_TOPIC + "=" + UIEvents.UILifeCycle.APP_STARTUP_COMPLETE)
public final class WorkbenchStartedCondition implements EventHandler {

    private final BundleContext context;
    private ServiceRegistration<Condition> registration;

    @Activate
    public WorkbenchStartedCondition(BundleContext context) {
        this.context = context;
    }

    @Override
    public synchronized void handleEvent(Event event) {
        if (registration == null) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(Condition.CONDITION_ID, ClientStore.WORKBENCH_STARTED_CONDITION);
            registration = context.registerService(Condition.class, Condition.INSTANCE, properties);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
