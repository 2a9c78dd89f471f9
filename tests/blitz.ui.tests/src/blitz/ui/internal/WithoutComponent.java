// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import blitz.testing.Osgi;

/**
 * Disables one real DS component for the length of a test, so a view can be seen without the
 * service it provides, and enables it again on close.
 */
public final class WithoutComponent implements AutoCloseable {
    private final ServiceComponentRuntime runtime;
    private final ComponentDescriptionDTO description;

    private WithoutComponent(ServiceComponentRuntime runtime, ComponentDescriptionDTO description) {
        this.runtime = runtime;
        this.description = description;
    }

    /** @param componentName the component's name, by default its implementation class */
    public static WithoutComponent disable(String componentName) throws Exception {
        ServiceComponentRuntime runtime = Osgi.await(ServiceComponentRuntime.class, (String) null, Duration.ofSeconds(10));
        ComponentDescriptionDTO description = runtime.getComponentDescriptionDTOs().stream()
                .filter(d -> d.name.equals(componentName)).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + componentName));
        runtime.disableComponent(description).getValue();
        return new WithoutComponent(runtime, description);
    }

    @Override
    public void close() throws Exception {
        runtime.enableComponent(description).timeout(TimeUnit.SECONDS.toMillis(10)).getValue();
    }
}
