// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.eclipse.e4.ui.workbench.UIEvents;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.condition.Condition;
import org.osgi.service.event.Event;

import blitz.model.client.ClientStore;

/** The workbench tells the core bundles it has started through an OSGi condition, once. */
class WorkbenchStartedConditionTest {
    private static final String FILTER = "(" + Condition.CONDITION_ID + "=" + ClientStore.WORKBENCH_STARTED_CONDITION
            + ")";

    @Test
    void registersTheConditionOnceOnStartupCompleteAndWithdrawsItWhenDeactivated() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(WorkbenchStartedConditionTest.class).getBundleContext();
        WorkbenchStartedCondition condition = new WorkbenchStartedCondition(context);
        int before = count(context);
        Event started = new Event(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, Map.of());
        condition.handleEvent(started);
        condition.handleEvent(started);
        assertEquals(before + 1, count(context), "one condition once the window is up");
        condition.deactivate();
        assertEquals(before, count(context), "the condition goes with the component");
    }

    private static int count(BundleContext context) throws Exception {
        return context.getServiceReferences(Condition.class, FILTER).size();
    }
}
