// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartSashContainer;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.model.application.MApplicationFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/**
 * Window ▸ Reset layout on a model shaped like the workbench's after a user rearranged it: views
 * dragged into a new stack and the other side, one closed, the sash and window resized.
 */
class LayoutResetTest {

    @Test
    void theMenuOffersItAndTheLayoutIsPersisted() throws Exception {
        String model;
        try (var in = FrameworkUtil.getBundle(LayoutReset.class).getEntry("Application.e4xmi").openStream()) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(model.contains("label=\"Reset &amp;layout\" command=\"_cmdResetLayout\""), "Window ▸ Reset layout");
        assertTrue(model.contains("blitz.ui.internal.handlers.ResetLayoutHandler\" command=\"_cmdResetLayout\""));
        String plugin;
        try (var in = FrameworkUtil.getBundle(LayoutReset.class).getEntry("plugin.xml").openStream()) {
            plugin = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(!plugin.contains("clearPersistedState"), "the layout is kept between runs");
    }

    @Test
    void putsEveryViewBackWhereItStarted() {
        MApplication application = MApplicationFactory.INSTANCE.createApplication();
        MTrimmedWindow window = MBasicFactory.INSTANCE.createTrimmedWindow();
        window.setElementId(LayoutReset.WINDOW);
        application.getChildren().add(window);
        MPartSashContainer sash = MBasicFactory.INSTANCE.createPartSashContainer();
        sash.setElementId(LayoutReset.SASH);
        window.getChildren().add(sash);
        MPartStack plotStack = stack(LayoutReset.PLOT_STACK);
        MPartStack tabs = stack(LayoutReset.TABS_STACK);
        MPartStack dragged = stack("made.by.dragging");
        sash.getChildren().addAll(List.of(tabs, plotStack, dragged)); // the two sides swapped
        MPart plot = part(LayoutReset.PLOT_PART);
        MPart runtime = part("blitz.ui.part.runtime");
        MPart sessions = part("blitz.ui.part.sessions");
        tabs.getChildren().addAll(List.of(runtime, plot));
        dragged.getChildren().add(sessions);
        runtime.setToBeRendered(false); // closed
        plotStack.setContainerData("10");
        window.setWidth(400);

        LayoutReset.reset(application);

        assertEquals(List.of(plot), List.<MUIElement>copyOf(plotStack.getChildren()));
        assertEquals(List.of(runtime, sessions), List.<MUIElement>copyOf(tabs.getChildren()));
        assertEquals(List.of(plotStack, tabs), List.<MUIElement>copyOf(sash.getChildren()),
                "the Plot on the left, the tabs on the right, the emptied stack gone");
        assertEquals(List.of("52", "48"), List.of(plotStack.getContainerData(), tabs.getContainerData()));
        assertTrue(runtime.isToBeRendered(), "a closed view comes back");
        assertEquals(List.of(1024, 768), List.of(window.getWidth(), window.getHeight()));
    }

    private static MPartStack stack(String id) {
        MPartStack stack = MBasicFactory.INSTANCE.createPartStack();
        stack.setElementId(id);
        return stack;
    }

    private static MPart part(String id) {
        MPart part = MBasicFactory.INSTANCE.createPart();
        part.setElementId(id);
        return part;
    }
}
