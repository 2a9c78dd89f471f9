// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import blitz.ui.internal.preferences.PreferencePages;
import blitz.ui.internal.preferences.PreferencesDialog;
import jakarta.inject.Named;

/** File ▸ Preferences… (Ctrl+Alt+S): every contributed preference page in one dialog. */
public class PreferencesHandler {
    @Execute
    public void execute(@Optional @Service PreferencePages pages, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        new PreferencesDialog(shell, pages == null ? List.of() : pages.pages()).open();
    }
}
