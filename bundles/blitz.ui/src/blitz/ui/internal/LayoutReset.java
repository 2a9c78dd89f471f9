// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartSashContainer;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;

/**
 * The window's first layout, restored in the persisted model: the Plot alone on the left, every other
 * view (the workbench's and those plug-ins add) in the tabs on the right, the sash at 62 : 38, every
 * view shown, the window at 1024×768. Stacks the user made by dragging views out are removed once
 * empty.
 */
public final class LayoutReset {
    public static final String WINDOW = "blitz.ui.window.main";
    public static final String SASH = "blitz.ui.sash.main";
    public static final String PLOT_STACK = "blitz.ui.partstack.plot";
    public static final String TABS_STACK = "blitz.ui.partstack.tabs";
    public static final String PLOT_PART = "blitz.ui.charts.part.plot";
    private static final String PLOT_SHARE = "52";
    private static final String TABS_SHARE = "48";
    private static final int WIDTH = 1024;
    private static final int HEIGHT = 768;

    private LayoutReset() {
    }

    /** Puts every view of the main window back in its first place. */
    public static void reset(MApplication application) {
        List<MUIElement> all = new ArrayList<>();
        collect(application, all);
        if (!(find(all, WINDOW) instanceof MWindow window) || !(find(all, SASH) instanceof MPartSashContainer sash)
                || !(find(all, PLOT_STACK) instanceof MPartStack plotStack)
                || !(find(all, TABS_STACK) instanceof MPartStack tabsStack)) {
            return; // not the workbench's window: nothing to go back to
        }
        for (MPart part : all.stream().filter(MPart.class::isInstance).map(MPart.class::cast).toList()) {
            MPartStack home = PLOT_PART.equals(part.getElementId()) ? plotStack : tabsStack;
            if (!home.equals(part.getParent())) {
                MElementContainer<?> from = part.getParent();
                from.getChildren().remove(part);
                home.getChildren().add(part);
                removeIfEmpty(from, plotStack, tabsStack);
            }
            part.setToBeRendered(true);
            part.setVisible(true);
        }
        for (MPartStack stack : List.of(plotStack, tabsStack)) {
            stack.setToBeRendered(true);
            stack.setVisible(true);
            if (!stack.getChildren().isEmpty() && stack.getSelectedElement() == null) {
                stack.setSelectedElement(stack.getChildren().get(0));
            }
        }
        putInSash(sash, plotStack, 0, PLOT_SHARE);
        putInSash(sash, tabsStack, 1, TABS_SHARE);
        window.setWidth(WIDTH);
        window.setHeight(HEIGHT);
    }

    /** Adds the container's elements, deep, in model order. */
    @SuppressWarnings("unchecked")
    private static void collect(MElementContainer<?> container, List<MUIElement> into) {
        for (Object child : container.getChildren()) {
            into.add((MUIElement) child);
            if (child instanceof MElementContainer<?> inner) {
                collect((MElementContainer<MUIElement>) inner, into);
            }
        }
    }

    private static MUIElement find(List<MUIElement> all, String id) {
        return all.stream().filter(element -> id.equals(element.getElementId())).findFirst().orElse(null);
    }

    private static void putInSash(MPartSashContainer sash, MPartStack stack, int index, String share) {
        if (sash.getChildren().indexOf(stack) != index) {
            MElementContainer<?> from = stack.getParent();
            if (from != null) {
                from.getChildren().remove(stack);
            }
            sash.getChildren().add(Math.min(index, sash.getChildren().size()), stack);
        }
        stack.setContainerData(share);
    }

    private static void removeIfEmpty(MElementContainer<?> container, MPartStack... homes) {
        Object element = container;
        boolean madeByDragging = element instanceof MPartStack || element instanceof MPartSashContainer;
        if (!madeByDragging || !container.getChildren().isEmpty() || List.of(homes).contains(container)) {
            return;
        }
        MElementContainer<?> parent = container.getParent();
        if (parent != null) {
            parent.getChildren().remove(container);
            removeIfEmpty(parent, homes);
        }
    }
}
