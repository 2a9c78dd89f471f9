// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;

import blitz.ui.internal.LayoutReset;

/**
 * Window ▸ Reset layout: the layout the user arranged is kept between runs (the workbench's model is
 * persisted), and this puts the views back where they started.
 */
public class ResetLayoutHandler {
    @Execute
    public void execute(MApplication application) {
        LayoutReset.reset(application);
    }
}
